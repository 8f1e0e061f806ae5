package io.relais.activity;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** The bodies of the activity endpoints. */
final class ActivityRequests {

    private ActivityRequests() {
    }

    record Log(@Schema(description = "CALL, EMAIL, NOTE or MEETING") ActivityKind kind, String subject,
               @Schema(description = "Free text; personal data when about a person") String notes,
               String accountId, String contactId, String opportunityId,
               @Schema(description = "Default now") Instant occurredAt) {
    }

    record Schedule(@Schema(description = "TASK or MEETING") ActivityKind kind, String subject, String notes,
                    String accountId, String contactId, String opportunityId, Instant dueAt,
                    @Schema(description = "Default you") String assigneeId,
                    @Schema(description = "Before dueAt; absent: no reminder") Instant remindAt) {
    }

    record Completion(String outcome) {
    }

    record Reschedule(Instant dueAt, Instant remindAt) {
    }

    record Assignee(String assigneeId) {
    }
}
