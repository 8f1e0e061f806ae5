package io.relais.workflow;

import java.time.Instant;

/**
 * What a rule did with one event.
 *
 * @param outcome {@code DONE} (its action was taken), {@code SKIPPED} (its condition did not hold) or
 *                {@code FAILED} (the condition could not be evaluated, or the action was refused: see detail)
 * @param detail  what the action did, or why it failed
 */
public record WorkflowRun(String ruleId, String eventId, long position, String eventType, String recordId,
                          Instant ranAt, String outcome, String detail) {
}
