package io.relais.organisation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.relais.common.AuditMetadata;
import io.relais.common.ConflictException;
import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import io.relais.common.InvalidTransitionException;
import io.relais.common.RecordNotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * The sales organisation: users with their profiles and reporting line, territories with their rules and
 * reps, and the routing of new leads. One aggregate, so that rules spanning users (no cycle in the
 * hierarchy, round-robin turns) are decided on one consistent state. Its state is snapshotted, since every
 * routed lead adds an event.
 */
@Aggregate(cache = "organisationCache", snapshotTriggerDefinition = "organisationSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Organisation {

    private static final int MAX_PRIORITY = 10_000;

    @AggregateIdentifier
    private String organisationId;
    private Map<String, Member> users = new HashMap<>();
    private Map<String, Territory> territories = new LinkedHashMap<>();
    private String defaultLeadOwnerId;
    private long rulesAdded;
    /** The dead letters evicted, as processor/event: each is evicted once. */
    private Set<String> evictedDeadLetters = new HashSet<>();

    protected Organisation() {
    }

    @CommandHandler
    public Organisation(FoundOrganisation command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                        Authorization authorization) {
        authorization.requireSystem(actorId);
        String administratorId = Fields.userId("administratorId", command.administratorId());
        apply(new OrganisationFounded(administratorId));
        apply(new UserRegistered(administratorId, Fields.required("displayName", command.displayName(), 100), null,
                Profile.ADMINISTRATOR, null));
    }

    @CommandHandler
    public long handle(RegisterUser command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireAdministrator(actorId);
        String userId = Fields.userId("userId", command.userId());
        String displayName = Fields.required("displayName", command.displayName(), 100);
        String email = Fields.email("email", command.email());
        Profile profile = Fields.present("profile", command.profile());
        if (users.containsKey(userId)) {
            throw new ConflictException("userId", "user-exists", "A user with the id " + userId + " already exists");
        }
        String managerId = command.managerId() == null ? null : requireManager(command.managerId());
        apply(new UserRegistered(userId, displayName, email, profile, managerId));
        return getVersion();
    }

    @CommandHandler
    public long handle(ChangeUserProfile command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization, OwnedRecords ownedRecords) {
        authorization.requireAdministrator(actorId);
        String userId = requireUser(command.userId());
        Profile profile = Fields.present("profile", command.profile());
        Member member = users.get(userId);
        if (member.profile() == profile) {
            return getVersion();
        }
        if (!canManage(profile) && hasActiveReports(userId)) {
            throw new ConflictException("profile", "has-direct-reports",
                    userId + " has people reporting to them; move them to another manager first");
        }
        if (!profile.ownsRecords() && receivesLeads(userId)) {
            throw new ConflictException("profile", "receives-leads", userId + " receives leads as a territory rep "
                    + "or the default owner; remove that first");
        }
        if (!profile.ownsRecords() && !ownedRecords.openLeadsOwnedBy(userId).isEmpty()) {
            throw new ConflictException("profile", "open-records", userId + " still owns open records, which the "
                    + profile + " profile could not change; reassign them first");
        }
        requireAnotherAdministrator(userId, member.profile() == Profile.ADMINISTRATOR && member.active());
        apply(new UserProfileChanged(userId, profile, member.profile()));
        return getVersion();
    }

    @CommandHandler
    public long handle(MoveUser command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireAdministrator(actorId);
        String userId = requireUser(command.userId());
        String managerId = command.managerId() == null ? null : requireManager(command.managerId());
        String previous = users.get(userId).managerId();
        if (Objects.equals(managerId, previous)) {
            return getVersion();
        }
        if (managerId != null && ReportingLines.of(users, Member::managerId).isAtOrBelow(managerId, userId)) {
            throw new ConflictException("managerId", "hierarchy-cycle", managerId.equals(userId)
                    ? "A user cannot report to themselves"
                    : managerId + " reports (directly or not) to " + userId + "; that would make a cycle");
        }
        apply(new UserMoved(userId, managerId, previous));
        return getVersion();
    }

    @CommandHandler
    public long handle(DeactivateUser command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization, OwnedRecords ownedRecords) {
        authorization.requireAdministrator(actorId);
        String userId = requireUser(command.userId());
        Member member = users.get(userId);
        if (!member.active()) {
            throw new InvalidTransitionException("deactivate a user", "INACTIVE");
        }
        if (hasActiveReports(userId)) {
            throw new ConflictException("userId", "has-direct-reports",
                    userId + " has people reporting to them; move them to another manager first");
        }
        requireAnotherAdministrator(userId, member.profile() == Profile.ADMINISTRATOR);
        String successorId = null;
        if (command.successorId() != null) {
            successorId = requireRecipient("successorId", command.successorId());
            if (successorId.equals(userId)) {
                throw new InvalidFieldException("successorId", "same-user", "A user cannot succeed themselves");
            }
        } else {
            int open = ownedRecords.openLeadsOwnedBy(userId).size();
            if (open > 0) {
                throw new ConflictException("successorId", "open-records", userId + " still owns " + open
                        + " open record(s); name the successorId who takes them over");
            }
        }
        apply(new UserDeactivated(userId, successorId));
        for (Map.Entry<String, Territory> territory : territories.entrySet()) {
            if (territory.getValue().members().contains(userId)) {
                apply(new TerritoryMemberRemoved(territory.getKey(), userId));
            }
        }
        if (userId.equals(defaultLeadOwnerId)) {
            apply(new DefaultLeadOwnerChanged(null, userId));
        }
        if (successorId != null) {
            apply(new RecordsReassignmentRequested(userId, successorId));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(EvictDeadLetter command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireAdministrator(actorId);
        String reason = Fields.text("reason", command.reason(), 500);
        if (reason == null) {
            throw new InvalidFieldException("reason", "required", "Evicting a dead letter needs a reason");
        }
        String processor = Fields.identifier("processor", command.processor());
        String eventId = Fields.required("eventId", command.eventId(), 255);
        if (evictedDeadLetters.contains(processor + "/" + eventId)) {
            throw new ConflictException("eventId", "already-evicted", "The dead letter of event " + eventId
                    + " was evicted from " + processor + " already");
        }
        apply(new DeadLetterEvicted(processor, eventId, Fields.required("eventType", command.eventType(), 255),
                Fields.text("recordId", command.recordId(), 255), Fields.text("causeType", command.causeType(), 500),
                reason));
        return getVersion();
    }

    @CommandHandler
    public long handle(ReactivateUser command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireAdministrator(actorId);
        String userId = requireUser(command.userId());
        Member member = users.get(userId);
        if (member.active()) {
            throw new InvalidTransitionException("reactivate a user", "ACTIVE");
        }
        Member manager = member.managerId() == null ? null : users.get(member.managerId());
        if (manager != null && (!manager.active() || !canManage(manager.profile()))) {
            throw new ConflictException("managerId", "manager-unavailable", member.managerId()
                    + " can no longer be their manager; move the user to another manager (or none) first");
        }
        apply(new UserReactivated(userId));
        return getVersion();
    }

    @CommandHandler
    public long handle(ReassignRecords command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireAdministrator(actorId);
        String from = requireUser(command.fromUserId());
        String to = requireRecipient("toUserId", command.toUserId());
        if (from.equals(to)) {
            throw new InvalidFieldException("toUserId", "same-user", "Records cannot be reassigned to their owner");
        }
        apply(new RecordsReassignmentRequested(from, to));
        return getVersion();
    }

    @CommandHandler
    public long handle(CreateTerritory command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireAdministrator(actorId);
        String territoryId = Fields.identifier("territoryId", command.territoryId());
        if (!territoryId.equals(command.territoryId())) {
            throw new InvalidFieldException("territoryId", "invalid-identifier",
                    "territoryId must not start or end with spaces");
        }
        String name = Fields.required("name", command.name(), 100);
        if (territories.containsKey(territoryId)) {
            throw new ConflictException("territoryId", "territory-exists",
                    "A territory with the id " + territoryId + " already exists");
        }
        apply(new TerritoryCreated(territoryId, name));
        return getVersion();
    }

    @CommandHandler
    public long handle(AddTerritoryRule command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireAdministrator(actorId);
        Territory territory = requireTerritory(command.territoryId());
        String ruleId = Fields.identifier("ruleId", command.ruleId());
        if (command.priority() < 0 || command.priority() > MAX_PRIORITY) {
            throw new InvalidFieldException("priority", "invalid-priority",
                    "priority must be between 0 and " + MAX_PRIORITY);
        }
        Fields.present("criteria", command.criteria());
        TerritoryCriteria criteria = command.criteria().validated();
        if (territory.rules().containsKey(ruleId)) {
            throw new ConflictException("ruleId", "rule-exists", "The territory already has a rule " + ruleId);
        }
        apply(new TerritoryRuleAdded(command.territoryId(), ruleId, command.priority(), criteria));
        return getVersion();
    }

    @CommandHandler
    public long handle(RemoveTerritoryRule command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireAdministrator(actorId);
        Territory territory = requireTerritory(command.territoryId());
        if (!territory.rules().containsKey(command.ruleId())) {
            throw new RecordNotFoundException(command.ruleId());
        }
        apply(new TerritoryRuleRemoved(command.territoryId(), command.ruleId()));
        return getVersion();
    }

    @CommandHandler
    public long handle(AddTerritoryMember command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireAdministrator(actorId);
        Territory territory = requireTerritory(command.territoryId());
        String userId = requireRecipient("userId", command.userId());
        if (!territory.members().contains(userId)) {
            apply(new TerritoryMemberAdded(command.territoryId(), userId));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(RemoveTerritoryMember command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireAdministrator(actorId);
        Territory territory = requireTerritory(command.territoryId());
        if (territory.members().contains(command.userId())) {
            apply(new TerritoryMemberRemoved(command.territoryId(), command.userId()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(SetDefaultLeadOwner command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireAdministrator(actorId);
        String ownerId = command.ownerId() == null ? null : requireRecipient("ownerId", command.ownerId());
        if (!Objects.equals(ownerId, defaultLeadOwnerId)) {
            apply(new DefaultLeadOwnerChanged(ownerId, defaultLeadOwnerId));
        }
        return getVersion();
    }

    /**
     * Of the rules matching the lead in territories that have reps, the highest priority wins (the earliest
     * added on a tie); the territory's reps take such leads in turn.
     */
    @CommandHandler
    public long handle(RouteLead command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireSystem(actorId);
        Fields.present("lead", command.lead());
        Optional<Map.Entry<String, Rule>> winner = territories.entrySet().stream()
                .filter(territory -> !territory.getValue().members().isEmpty())
                .flatMap(territory -> territory.getValue().rules().values().stream()
                        .filter(rule -> rule.criteria().matches(command.lead()))
                        .map(rule -> Map.entry(territory.getKey(), rule)))
                .min(Comparator.<Map.Entry<String, Rule>>comparingInt(entry -> -entry.getValue().priority())
                        .thenComparingLong(entry -> entry.getValue().order()));
        if (winner.isEmpty()) {
            apply(new LeadRoutedToDefault(command.leadId(), defaultLeadOwnerId));
        } else {
            Territory territory = territories.get(winner.get().getKey());
            String ownerId = territory.members().get((int) (territory.turn() % territory.members().size()));
            apply(new LeadRouted(command.leadId(), winner.get().getKey(), winner.get().getValue().ruleId(), ownerId));
        }
        return getVersion();
    }

    private String requireUser(String userId) {
        if (userId == null || !users.containsKey(userId)) {
            throw new RecordNotFoundException(String.valueOf(userId));
        }
        return userId;
    }

    private String requireManager(String managerId) {
        Member manager = users.get(managerId);
        if (manager == null || !manager.active()) {
            throw new InvalidFieldException("managerId", "unknown-manager", "No active user has the id " + managerId);
        }
        if (!canManage(manager.profile())) {
            throw new InvalidFieldException("managerId", "not-a-manager", managerId + " has the " + manager.profile()
                    + " profile; only sales managers and administrators have people reporting to them");
        }
        return managerId;
    }

    /** An active user who can own records. */
    private String requireRecipient(String field, String userId) {
        Member member = userId == null ? null : users.get(userId);
        if (member == null || !member.active()) {
            throw new InvalidFieldException(field, "unknown-user", "No active user has the id " + userId);
        }
        if (!member.profile().ownsRecords()) {
            throw new InvalidFieldException(field, "cannot-own-records",
                    userId + " has the " + member.profile() + " profile, which cannot own records");
        }
        return userId;
    }

    private Territory requireTerritory(String territoryId) {
        Territory territory = territoryId == null ? null : territories.get(territoryId);
        if (territory == null) {
            throw new RecordNotFoundException(String.valueOf(territoryId));
        }
        return territory;
    }

    private void requireAnotherAdministrator(String userId, boolean isActiveAdministrator) {
        boolean another = users.entrySet().stream().anyMatch(entry -> !entry.getKey().equals(userId)
                && entry.getValue().active() && entry.getValue().profile() == Profile.ADMINISTRATOR);
        if (isActiveAdministrator && !another) {
            throw new ConflictException("userId", "last-administrator",
                    "The organisation needs at least one active administrator");
        }
    }

    private boolean hasActiveReports(String userId) {
        return users.values().stream().anyMatch(member -> member.active() && userId.equals(member.managerId()));
    }

    private boolean receivesLeads(String userId) {
        return userId.equals(defaultLeadOwnerId)
                || territories.values().stream().anyMatch(territory -> territory.members().contains(userId));
    }

    private static boolean canManage(Profile profile) {
        return profile == Profile.SALES_MANAGER || profile == Profile.ADMINISTRATOR;
    }

    @EventSourcingHandler
    void on(OrganisationFounded event) {
        organisationId = OrganisationIds.ORGANISATION_ID;
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        users.put(event.userId(), new Member(event.profile(), event.managerId(), true));
    }

    @EventSourcingHandler
    void on(UserProfileChanged event) {
        Member member = users.get(event.userId());
        users.put(event.userId(), new Member(event.profile(), member.managerId(), member.active()));
    }

    @EventSourcingHandler
    void on(UserMoved event) {
        Member member = users.get(event.userId());
        users.put(event.userId(), new Member(member.profile(), event.managerId(), member.active()));
    }

    @EventSourcingHandler
    void on(UserDeactivated event) {
        Member member = users.get(event.userId());
        users.put(event.userId(), new Member(member.profile(), member.managerId(), false));
    }

    @EventSourcingHandler
    void on(UserReactivated event) {
        Member member = users.get(event.userId());
        users.put(event.userId(), new Member(member.profile(), member.managerId(), true));
    }

    @EventSourcingHandler
    void on(TerritoryCreated event) {
        territories.put(event.territoryId(), new Territory(new LinkedHashMap<>(), new ArrayList<>(), 0));
    }

    @EventSourcingHandler
    void on(TerritoryRuleAdded event) {
        territories.get(event.territoryId()).rules()
                .put(event.ruleId(), new Rule(event.ruleId(), event.priority(), event.criteria(), rulesAdded++));
    }

    @EventSourcingHandler
    void on(TerritoryRuleRemoved event) {
        territories.get(event.territoryId()).rules().remove(event.ruleId());
    }

    @EventSourcingHandler
    void on(TerritoryMemberAdded event) {
        territories.get(event.territoryId()).members().add(event.userId());
    }

    /** Keeps the turn on the member who was next, so that removing someone skips nobody. */
    @EventSourcingHandler
    void on(TerritoryMemberRemoved event) {
        Territory territory = territories.get(event.territoryId());
        List<String> members = territory.members();
        int removed = members.indexOf(event.userId());
        long next = members.isEmpty() ? 0 : territory.turn() % members.size();
        members.remove(removed);
        territories.put(event.territoryId(),
                new Territory(territory.rules(), members, removed < next ? next - 1 : next));
    }

    @EventSourcingHandler
    void on(DefaultLeadOwnerChanged event) {
        defaultLeadOwnerId = event.ownerId();
    }

    @EventSourcingHandler
    void on(DeadLetterEvicted event) {
        evictedDeadLetters.add(event.processor() + "/" + event.eventId());
    }

    @EventSourcingHandler
    void on(LeadRouted event) {
        Territory territory = territories.get(event.territoryId());
        territories.put(event.territoryId(),
                new Territory(territory.rules(), territory.members(), territory.turn() + 1));
    }

    record Member(Profile profile, String managerId, boolean active) {
    }

    record Rule(String ruleId, int priority, TerritoryCriteria criteria, long order) {
    }

    /** {@code turn} counts the leads routed to the territory; the next goes to {@code members[turn % size]}. */
    record Territory(Map<String, Rule> rules, List<String> members, long turn) {
    }
}
