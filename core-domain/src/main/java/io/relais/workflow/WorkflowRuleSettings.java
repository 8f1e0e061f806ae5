package io.relais.workflow;

import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import jakarta.annotation.Nullable;

import java.util.regex.Pattern;

/**
 * What an administrator says of a workflow rule (docs/workflow-rules.md). The canonical constructor does not
 * validate, so that stored events always load; {@link #validated()} applies today's rules to new input. The
 * condition's language is checked at the edge, where the engine's events and records are known.
 *
 * @param name      what the rule is called in its runs and in the audit
 * @param eventType the event that runs it, by its simple name ({@code OpportunityStageChanged})
 * @param condition a Spring Expression Language condition on {@code event} and {@code record}; none: always
 * @param action    what it does when the condition holds
 */
public record WorkflowRuleSettings(String name, String eventType, @Nullable String condition,
                                   WorkflowAction action) {

    public static final int MAX_CONDITION = 1000;
    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Z][A-Za-z0-9]{0,99}");

    public WorkflowRuleSettings validated() {
        String event = Fields.required("eventType", eventType, 100);
        if (!EVENT_TYPE.matcher(event).matches()) {
            throw new InvalidFieldException("eventType", "unknown-event-type",
                    "eventType must be an event's simple name, such as LeadCaptured (got " + event + ")");
        }
        return new WorkflowRuleSettings(Fields.required("name", name, 200), event,
                Fields.text("condition", condition, MAX_CONDITION),
                Fields.present("action", action).validated());
    }
}
