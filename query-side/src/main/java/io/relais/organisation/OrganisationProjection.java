package io.relais.organisation;

import io.relais.projection.PastStates;
import io.relais.projection.ProjectionBatches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Projects the organisation's events into its read model, and records how far it got so that the API can
 * wait for a change to show before answering (visibility then follows a change of manager at once). Users' rows
 * are changed in memory a batch at a time ({@link OrganisationBatch}), which is also how a user's past state is
 * rebuilt; territories and routing are written as their events come.
 */
@Component
@ProcessingGroup(OrganisationProjection.PROCESSING_GROUP)
public class OrganisationProjection {

    public static final String PROCESSING_GROUP = "organisation";

    private final OrganisationReadRepository repository;
    private final PastStates pastStates;

    OrganisationProjection(OrganisationReadRepository repository, PastStates pastStates) {
        this.repository = repository;
        this.pastStates = pastStates;
    }

    @EventHandler
    void on(OrganisationFounded event, DomainEventMessage<?> message) {
        repository.advanceTo(message.getSequenceNumber());
    }

    @EventHandler
    void on(UserRegistered event, DomainEventMessage<?> message) {
        UserRow row = new UserRow(event.userId(), 0, message.getSequenceNumber(), message.getTimestamp(),
                message.getTimestamp());
        row.displayName = event.displayName();
        row.email = event.email();
        row.profile = event.profile();
        row.managerId = event.managerId();
        OrganisationBatch batch = batch();
        batch.register(row);
        batch.reached(message.getSequenceNumber());
    }

    @EventHandler
    void on(UserProfileChanged event, DomainEventMessage<?> message) {
        changeUser(event.userId(), message, user -> user.profile = event.profile());
    }

    @EventHandler
    void on(UserMoved event, DomainEventMessage<?> message) {
        changeUser(event.userId(), message, user -> user.managerId = event.managerId());
    }

    @EventHandler
    void on(UserDeactivated event, DomainEventMessage<?> message) {
        changeUser(event.userId(), message, user -> user.active = false);
    }

    @EventHandler
    void on(UserReactivated event, DomainEventMessage<?> message) {
        changeUser(event.userId(), message, user -> user.active = true);
    }

    @EventHandler
    void on(TerritoryCreated event, DomainEventMessage<?> message) {
        repository.insertTerritory(event, message.getTimestamp());
        repository.advanceTo(message.getSequenceNumber());
    }

    @EventHandler
    void on(TerritoryRuleAdded event, DomainEventMessage<?> message) {
        repository.insertRule(event, message.getSequenceNumber());
        repository.advanceTo(message.getSequenceNumber());
    }

    @EventHandler
    void on(TerritoryRuleRemoved event, DomainEventMessage<?> message) {
        repository.deleteRule(event.territoryId(), event.ruleId());
        repository.advanceTo(message.getSequenceNumber());
    }

    @EventHandler
    void on(TerritoryMemberAdded event, DomainEventMessage<?> message) {
        repository.insertMember(event.territoryId(), event.userId(), message.getSequenceNumber());
        repository.advanceTo(message.getSequenceNumber());
    }

    @EventHandler
    void on(TerritoryMemberRemoved event, DomainEventMessage<?> message) {
        repository.deleteMember(event.territoryId(), event.userId());
        repository.advanceTo(message.getSequenceNumber());
    }

    @EventHandler
    void on(DefaultLeadOwnerChanged event, DomainEventMessage<?> message) {
        repository.advanceTo(message.getSequenceNumber());
        repository.setDefaultLeadOwner(event.ownerId());
    }

    @EventHandler
    void on(RecordsReassignmentRequested event, DomainEventMessage<?> message) {
        repository.advanceTo(message.getSequenceNumber());
    }

    @EventHandler
    void on(LeadRouted event, DomainEventMessage<?> message) {
        repository.advanceTo(message.getSequenceNumber());
    }

    @EventHandler
    void on(LeadRoutedToDefault event, DomainEventMessage<?> message) {
        repository.advanceTo(message.getSequenceNumber());
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    /**
     * The user as they stood then: their events up to then, picked from the organisation's stream and numbered
     * among themselves, applied by these handlers to a row in memory.
     */
    @QueryHandler
    Optional<UserView> find(FindUserAsOf query) {
        return pastStates.replay(OrganisationIds.ORGANISATION_ID,
                        event -> UserEvent.class.isAssignableFrom(event.getPayloadType())
                                && query.userId().equals(((UserEvent) event.getPayload()).userId()),
                        query.asOf(), this, OrganisationBatch.inMemory())
                .flatMap(batch -> batch.user(query.userId())).map(UserRow::toView);
    }

    private void changeUser(String userId, DomainEventMessage<?> message, Consumer<UserRow> change) {
        OrganisationBatch batch = batch();
        batch.change(userId, message.getSequenceNumber(), message.getTimestamp(), change);
        batch.reached(message.getSequenceNumber());
    }

    private OrganisationBatch batch() {
        return ProjectionBatches.current(OrganisationBatch.class,
                events -> new OrganisationBatch(repository::findUserRow), repository::write);
    }
}
