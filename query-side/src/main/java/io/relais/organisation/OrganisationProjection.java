package io.relais.organisation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Projects the organisation's events into its read model, and records how far it got so that the API can
 * wait for a change to show before answering (visibility then follows a change of manager at once).
 */
@Component
@ProcessingGroup(OrganisationProjection.PROCESSING_GROUP)
public class OrganisationProjection {

    public static final String PROCESSING_GROUP = "organisation";

    private final OrganisationReadRepository repository;

    OrganisationProjection(OrganisationReadRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(OrganisationFounded event, DomainEventMessage<?> message) {
        repository.advanceTo(message.getSequenceNumber());
    }

    @EventHandler
    void on(UserRegistered event, DomainEventMessage<?> message) {
        repository.insertUser(event, message.getTimestamp());
        repository.advanceTo(message.getSequenceNumber());
    }

    @EventHandler
    void on(UserProfileChanged event, DomainEventMessage<?> message) {
        updateUser(event.userId(), "profile", event.profile().name(), message);
    }

    @EventHandler
    void on(UserMoved event, DomainEventMessage<?> message) {
        updateUser(event.userId(), "manager_id", event.managerId(), message);
    }

    @EventHandler
    void on(UserDeactivated event, DomainEventMessage<?> message) {
        updateUser(event.userId(), "active", false, message);
    }

    @EventHandler
    void on(UserReactivated event, DomainEventMessage<?> message) {
        updateUser(event.userId(), "active", true, message);
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

    private void updateUser(String userId, String column, Object value, DomainEventMessage<?> message) {
        Instant at = message.getTimestamp();
        repository.updateUser(userId, column, value, at);
        repository.advanceTo(message.getSequenceNumber());
    }
}
