package io.relais.workflow;

import io.relais.common.InvalidFieldException;
import io.relais.common.PageRequest;
import io.relais.web.AsOfParameters;
import io.relais.web.ExpectedVersion;
import io.relais.web.IdempotencyKey;
import io.relais.web.Queries;
import io.relais.web.QueryParameters;
import io.relais.web.RecordEndpoint;
import io.relais.web.RecordPaths;
import io.relais.webhook.FindWebhook;
import io.relais.webhook.WebhookStatus;
import io.relais.webhook.WebhookView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.EnumSet;
import java.util.Set;

/** Workflow rules and their runs (docs/workflow-rules.md); administrators only. */
@RestController
@RequestMapping("/api/v1/workflow-rules")
@PreAuthorize("hasRole('ADMINISTRATOR')")
@Tag(name = "Workflow rules", description = "When an event occurs and a condition holds, a task, a reassignment or "
        + "a webhook call, run as system:workflow")
public class WorkflowRuleController {

    private static final Set<RuleRecord> TASK_RECORDS = EnumSet.of(RuleRecord.ACCOUNT, RuleRecord.OPPORTUNITY,
            RuleRecord.ACTIVITY);

    private final RecordEndpoint<WorkflowRuleView> rules;
    private final Queries queries;
    private final WorkflowConditions conditions;
    private final WorkflowRuns runs;

    WorkflowRuleController(RecordEndpoint<WorkflowRuleView> rules, Queries queries, WorkflowConditions conditions,
                           WorkflowRuns runs) {
        this.rules = rules;
        this.queries = queries;
        this.conditions = conditions;
        this.runs = runs;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Define a workflow rule", description = "Administrators. Every event of eventType stored "
            + "from now on for which the condition holds runs the action, as system:workflow on behalf of you. The "
            + "condition must parse (400 invalid-condition), be true or false, and name fields the event and its "
            + "record have (400 unknown-field); eventType must be one of the engine's events (400 "
            + "unknown-event-type); a webhook called must exist (400 unknown-webhook). With an Idempotency-Key a "
            + "retry returns the first rule.")
    public ResponseEntity<WorkflowRuleView> define(@RequestBody WorkflowRuleRequest request, IdempotencyKey key) {
        return rules.create(key, request, ruleId -> new DefineWorkflowRule(ruleId, checked(request)));
    }

    @GetMapping
    @Operation(summary = "List workflow rules", description = "Administrators. By name; q searches the name and "
            + "event type ignoring case and accents; retired ones only with includeRetired=true.")
    public WorkflowRulePage list(@RequestParam(required = false) String q,
                                 @RequestParam(defaultValue = "false") boolean includeRetired, PageRequest page) {
        return queries.answer(new FindWorkflowRules(QueryParameters.atMost("q", q, 200), includeRetired, page),
                WorkflowRulePage.class);
    }

    @GetMapping("/" + RecordPaths.ID)
    @Operation(summary = "Get a workflow rule", description = "Administrators. authorId is who defined or last "
            + "changed it: the rule runs on their behalf." + AsOfParameters.DESCRIPTION)
    public ResponseEntity<WorkflowRuleView> get(@PathVariable String id, @ParameterObject AsOfParameters past) {
        return rules.read(id, past);
    }

    @PutMapping(path = "/" + RecordPaths.ID, consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a rule's settings", description = "Administrators. Checked as a new rule is; the "
            + "events stored from now on run the new settings, on behalf of you (If-Match optional).")
    public ResponseEntity<WorkflowRuleView> change(@PathVariable String id, @RequestBody WorkflowRuleRequest request,
                                                   ExpectedVersion expected) {
        rules.visible(id);
        return rules.send(id, new ChangeWorkflowRule(id, checked(request), expected.version()));
    }

    @PostMapping("/" + RecordPaths.ID + "/retire")
    @Operation(summary = "Retire a rule", description = "Administrators. It runs no more; its runs stay readable.")
    public ResponseEntity<WorkflowRuleView> retire(@PathVariable String id) {
        return rules.send(id, new RetireWorkflowRule(id));
    }

    @GetMapping("/" + RecordPaths.ID + "/runs")
    @Operation(summary = "A rule's runs", description = "Administrators. Newest event first: for each event of its "
            + "type, DONE (what the action did), SKIPPED (the condition did not hold) or FAILED (why).")
    public WorkflowRunPage runs(@PathVariable String id, PageRequest page) {
        rules.visible(id);
        return runs.page(id, page);
    }

    /** The settings asked for, checked against the engine's events, records and webhooks. */
    private WorkflowRuleSettings checked(WorkflowRuleRequest request) {
        WorkflowRuleSettings settings = request.settings();
        conditions.check(settings.condition(), settings.eventType());
        RuleRecord record = conditions.record(settings.eventType()).orElse(null);
        WorkflowAction action = settings.action();
        switch (action.kind()) {
            case SCHEDULE_TASK -> {
                if (!TASK_RECORDS.contains(record)) {
                    throw new InvalidFieldException("action.kind", "not-applicable", "A task is about an account, "
                            + "a deal or an activity: " + settings.eventType() + " concerns none of them");
                }
            }
            case REASSIGN, NOTIFY_FOLLOWERS -> {
                if (record == null) {
                    throw new InvalidFieldException("action.kind", "not-applicable", "Only a lead, an account, a "
                            + "deal or an activity has an owner and followers: " + settings.eventType()
                            + " concerns none of them");
                }
            }
            case CALL_WEBHOOK -> queries.find(new FindWebhook(action.webhookId()), WebhookView.class)
                    .filter(webhook -> webhook.status() != WebhookStatus.RETIRED)
                    .orElseThrow(() -> new InvalidFieldException("action.webhookId", "unknown-webhook",
                            "action.webhookId names no webhook subscription that is not retired (got "
                                    + action.webhookId() + ")"));
        }
        return settings;
    }
}
