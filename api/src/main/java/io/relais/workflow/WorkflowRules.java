package io.relais.workflow;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.account.AssignAccountOwner;
import io.relais.activity.ActivityKind;
import io.relais.activity.ActivityLinks;
import io.relais.activity.ReassignActivity;
import io.relais.activity.ScheduleActivity;
import io.relais.common.AuditMetadata;
import io.relais.common.Refusal;
import io.relais.lead.AssignLeadOwner;
import io.relais.opportunity.AssignOpportunityOwner;
import io.relais.organisation.FindUser;
import io.relais.organisation.OrganisationIds;
import io.relais.organisation.UserView;
import io.relais.web.Queries;
import io.relais.webhook.FindWebhook;
import io.relais.webhook.WebhookOutbox;
import io.relais.webhook.WebhookStatus;
import io.relais.webhook.WebhookView;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.expression.EvaluationException;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs the workflow rules (docs/workflow-rules.md): for each event, in stored order on one segment, the active rules
 * on its type evaluate their condition and take their action, as {@code system:workflow} on behalf of the rule's
 * author. Each run is recorded in the transaction that takes the action and moves the processor past the event, so
 * no rule runs twice for one event; what the action creates gets an id derived from the rule and the event, for the
 * same reason. A condition that fails or an action refused is recorded as FAILED and logged: the processor goes
 * on. The rules are followed from their own events in the same order, so a change applies from the next event on;
 * what a rule did never runs a rule (no chain of rules can loop). Never replayed: that would act again.
 */
@Component
@DisallowReplay
@ProcessingGroup(WorkflowRules.PROCESSING_GROUP)
public class WorkflowRules {

    public static final String PROCESSING_GROUP = "workflow";

    private static final Logger log = LoggerFactory.getLogger(WorkflowRules.class);
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final WorkflowRuns runs;
    private final WorkflowConditions conditions;
    private final Queries queries;
    private final CommandGateway commands;
    private final WebhookOutbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    WorkflowRules(WorkflowRuns runs, WorkflowConditions conditions, Queries queries, CommandGateway commands,
                  WebhookOutbox outbox, ObjectMapper json, Clock clock) {
        this.runs = runs;
        this.conditions = conditions;
        this.queries = queries;
        this.commands = commands;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message, TrackingToken token) {
        if (event instanceof WorkflowRuleDefined defined) {
            runs.route(defined.ruleId(), defined.settings(), userOf(message));
        } else if (event instanceof WorkflowRuleChanged changed) {
            runs.route(changed.ruleId(), changed.settings(), userOf(message));
        } else if (event instanceof WorkflowRuleRetired retired) {
            runs.retire(retired.ruleId());
        }
        if (OrganisationIds.WORKFLOW.equals(userOf(message))) {
            return;
        }
        long position = token.position().orElseThrow(
                () -> new IllegalStateException("The event has no position in the store"));
        for (WorkflowRuns.Route rule : runs.routes(message.getPayloadType().getSimpleName())) {
            run(rule, message, position);
        }
    }

    private void run(WorkflowRuns.Route rule, DomainEventMessage<?> message, long position) {
        if (runs.ran(rule.ruleId(), message.getIdentifier())) {
            return;
        }
        String outcome = "FAILED";
        String detail;
        try {
            Optional<RuleRecord> kind = RuleRecord.ofAggregate(message.getType());
            Map<String, Object> record = kind.flatMap(found -> queries.find(found.after(
                    message.getAggregateIdentifier(), message.getSequenceNumber()), found.view))
                    .map(view -> json.convertValue(view, FIELDS)).orElse(null);
            if (conditions.holds(rule.settings().condition(), json.convertValue(message.getPayload(), FIELDS),
                    record)) {
                detail = act(rule, message, position, kind.orElse(null), record);
                outcome = "DONE";
            } else {
                detail = "The condition did not hold";
                outcome = "SKIPPED";
            }
        } catch (EvaluationException e) {
            detail = "The condition could not be evaluated: " + e.getMessage();
        } catch (CommandExecutionException e) {
            detail = "The action was refused: " + e.getDetails().filter(Refusal.class::isInstance)
                    .map(refusal -> ((Refusal) refusal).message()).orElse(e.getMessage());
        } catch (ActionImpossible e) {
            detail = e.getMessage();
        }
        if (outcome.equals("FAILED")) {
            log.warn("Workflow rule {} ({}) failed on {} {}: {}", rule.ruleId(), rule.settings().name(),
                    message.getPayloadType().getSimpleName(), message.getIdentifier(), detail);
        }
        WorkflowAction action = rule.settings().action();
        runs.record(new WorkflowRun(rule.ruleId(), message.getIdentifier(), position,
                message.getPayloadType().getSimpleName(), message.getAggregateIdentifier(), clock.instant(), outcome,
                detail), outcome.equals("DONE") && action.kind() == WorkflowActionKind.NOTIFY_FOLLOWERS
                ? action.subject() : null);
    }

    /** Takes the rule's action; answers what it did. */
    private String act(WorkflowRuns.Route rule, DomainEventMessage<?> message, long position, RuleRecord kind,
                       Map<String, Object> record) {
        WorkflowAction action = rule.settings().action();
        String recordId = message.getAggregateIdentifier();
        return switch (action.kind()) {
            case SCHEDULE_TASK -> {
                String assignee = assignee(action.assignTo(), record);
                String taskId = UUID.nameUUIDFromBytes(("workflow:" + rule.ruleId() + ":" + message.getIdentifier())
                        .getBytes(StandardCharsets.UTF_8)).toString();
                Instant due = clock.instant().plus(Duration.ofDays(action.dueInDays()));
                send(rule, message, new ScheduleActivity(taskId, ActivityKind.TASK, action.subject(),
                        "Workflow rule " + rule.settings().name() + ", on " + message.getPayloadType().getSimpleName(),
                        links(kind, recordId, record), due, assignee, null));
                yield "Task " + taskId + " scheduled for " + assignee;
            }
            case REASSIGN -> {
                if (kind == null) {
                    throw new ActionImpossible(message.getType() + " records have no owner to change");
                }
                send(rule, message, switch (kind) {
                    case LEAD -> new AssignLeadOwner(recordId, action.ownerId(), null);
                    case ACCOUNT -> new AssignAccountOwner(recordId, action.ownerId(), null);
                    case OPPORTUNITY -> new AssignOpportunityOwner(recordId, action.ownerId(), null);
                    case ACTIVITY -> new ReassignActivity(recordId, action.ownerId(), null);
                });
                yield "Reassigned to " + action.ownerId();
            }
            case CALL_WEBHOOK -> {
                WebhookView webhook = queries.find(new FindWebhook(action.webhookId()), WebhookView.class)
                        .filter(found -> found.status() != WebhookStatus.RETIRED)
                        .orElseThrow(() -> new ActionImpossible("Webhook " + action.webhookId()
                                + " is retired or unknown"));
                outbox.queue(webhook.id(), message, position);
                yield "Queued for webhook " + webhook.id();
            }
            case NOTIFY_FOLLOWERS -> {
                if (kind == null) {
                    throw new ActionImpossible(message.getType() + " records have no followers");
                }
                yield "Followers notified: " + action.subject();
            }
        };
    }

    private String assignee(TaskAssignee assignTo, Map<String, Object> record) {
        Object owner = record == null ? null : record.get("ownerId");
        if (owner == null) {
            throw new ActionImpossible("The record has no owner to give the task to");
        }
        if (assignTo == TaskAssignee.OWNER) {
            return owner.toString();
        }
        return queries.find(new FindUser(owner.toString()), UserView.class).map(UserView::managerId)
                .orElseThrow(() -> new ActionImpossible("The owner " + owner + " has no manager to give the task to"));
    }

    private static ActivityLinks links(RuleRecord kind, String recordId, Map<String, Object> record) {
        if (kind == null || kind == RuleRecord.LEAD || record == null) {
            throw new ActionImpossible("A task is about an account, a deal or an activity's records");
        }
        return switch (kind) {
            case ACCOUNT -> new ActivityLinks(recordId, null, null);
            case OPPORTUNITY -> new ActivityLinks(text(record.get("accountId")), null, recordId);
            default -> new ActivityLinks(text(record.get("accountId")), text(record.get("contactId")),
                    text(record.get("opportunityId")));
        };
    }

    /** Sends the action's command as system:workflow on behalf of the rule's author, in the event's correlation. */
    private void send(WorkflowRuns.Route rule, DomainEventMessage<?> message, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                AuditMetadata.USER_ID, OrganisationIds.WORKFLOW,
                AuditMetadata.ON_BEHALF_OF, rule.authorId(),
                AuditMetadata.CHANGE_REASON, "Workflow rule " + rule.settings().name(),
                AuditMetadata.CAUSATION_ID, message.getIdentifier())));
    }

    private static String userOf(DomainEventMessage<?> message) {
        Object user = message.getMetaData().get(AuditMetadata.USER_ID);
        return user == null ? null : user.toString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** An action that cannot be taken for this event: recorded as FAILED, with the reason. */
    private static final class ActionImpossible extends RuntimeException {

        ActionImpossible(String message) {
            super(message);
        }
    }
}
