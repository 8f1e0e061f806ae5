package io.relais.workflow;

import io.relais.common.AuditMetadata;
import io.relais.common.Changes;
import io.relais.common.ExpectedVersion;
import io.relais.common.FieldChange;
import io.relais.common.Fields;
import io.relais.common.InvalidTransitionException;
import io.relais.common.Updates;
import io.relais.organisation.Authorization;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A workflow rule: when an event of a type occurs and a condition holds, an action the engine knows (a task, a
 * reassignment, a webhook call). Administrators manage rules; a rule runs as {@code system:workflow} on behalf of
 * whoever defined or last changed it. Whether the condition names real fields is checked at the edge, where the
 * engine's events are known; the rule checks its settings' shape and that a new owner may receive records.
 */
@Aggregate
public class WorkflowRule {

    private static final String MANAGE_RULES = "manage workflow rules";
    private static final Map<String, Function<WorkflowRuleSettings, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("name", WorkflowRuleSettings::name);
        FIELDS.put("eventType", WorkflowRuleSettings::eventType);
        FIELDS.put("condition", WorkflowRuleSettings::condition);
        FIELDS.put("action", settings -> settings.action().summary());
    }

    @AggregateIdentifier
    private String ruleId;
    private WorkflowRuleSettings settings;
    private boolean retired;

    protected WorkflowRule() {
    }

    @CommandHandler
    public WorkflowRule(DefineWorkflowRule command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                        Authorization authorization) {
        authorization.requireAdministrator(actorId, MANAGE_RULES);
        Fields.exactIdentifier("ruleId", command.ruleId());
        apply(new WorkflowRuleDefined(command.ruleId(), valid(command.settings(), actorId, authorization)));
    }

    @CommandHandler
    public long handle(ChangeWorkflowRule command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireAdministrator(actorId, MANAGE_RULES);
        ExpectedVersion.require(command.expectedVersion());
        if (retired) {
            throw new InvalidTransitionException("change a workflow rule", WorkflowRuleStatus.RETIRED.name());
        }
        WorkflowRuleSettings changed = valid(command.settings(), actorId, authorization);
        Updates.record(changes(settings, changed), changes -> new WorkflowRuleChanged(ruleId, changed, changes));
        return getVersion();
    }

    /** Retiring a retired rule changes nothing. */
    @CommandHandler
    public long handle(RetireWorkflowRule command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireAdministrator(actorId, MANAGE_RULES);
        if (!retired) {
            apply(new WorkflowRuleRetired(ruleId));
        }
        return getVersion();
    }

    private static WorkflowRuleSettings valid(WorkflowRuleSettings given, String actorId,
                                              Authorization authorization) {
        WorkflowRuleSettings valid = Fields.present("settings", given).validated();
        if (valid.action().kind() == WorkflowActionKind.REASSIGN) {
            authorization.requireNewOwner(actorId, valid.action().ownerId(), "action.ownerId");
        }
        return valid;
    }

    private static List<FieldChange> changes(WorkflowRuleSettings before, WorkflowRuleSettings after) {
        List<FieldChange> changes = new ArrayList<>();
        FIELDS.forEach((field, getter) -> Changes.add(changes, field, getter.apply(before), getter.apply(after)));
        return changes;
    }

    @EventSourcingHandler
    void on(WorkflowRuleDefined event) {
        ruleId = event.ruleId();
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(WorkflowRuleChanged event) {
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(WorkflowRuleRetired event) {
        retired = true;
    }
}
