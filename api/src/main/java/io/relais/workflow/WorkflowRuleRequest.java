package io.relais.workflow;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body that defines or changes a workflow rule. */
@Schema(example = """
        {"name": "Big deals in negotiation", "eventType": "OpportunityStageChanged",
         "condition": "event.stage == 'NEGOTIATION' and record.amount > 50000",
         "action": {"kind": "SCHEDULE_TASK", "assignTo": "OWNER_MANAGER", "subject": "Review the offer",
                    "dueInDays": 2}}""")
record WorkflowRuleRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "What the rule is called in its runs "
                + "and in the audit; at most 200 characters") String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The event that runs it, by its simple "
                + "name (OpportunityStageChanged, LeadCaptured…)") String eventType,
        @Schema(description = "A Spring Expression Language condition on event (the event's fields) and record "
                + "(the lead, account, deal or activity right after the event), true or false; at most 1,000 "
                + "characters; absent: always. See docs/workflow-rules.md") String condition,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "What the rule does: SCHEDULE_TASK "
                + "(assignTo OWNER or OWNER_MANAGER, subject, dueInDays), REASSIGN (ownerId) or CALL_WEBHOOK "
                + "(webhookId); the other fields must be absent") WorkflowAction action) {

    WorkflowRuleSettings settings() {
        return new WorkflowRuleSettings(name, eventType, condition, action).validated();
    }
}
