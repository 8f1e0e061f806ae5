package io.relais.activity;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** The bodies of the activity endpoints. */
final class ActivityRequests {

    private ActivityRequests() {
    }

    /** What a new activity is about. */
    interface About {

        String accountId();

        String contactId();

        String opportunityId();
    }

    record Log(@Schema(description = "CALL, EMAIL, NOTE or MEETING") ActivityKind kind, String subject,
               @Schema(description = "Free text; personal data when about a person") String notes,
               String accountId, String contactId, String opportunityId,
               @Schema(description = "Default now") Instant occurredAt) implements About {
    }

    record Schedule(@Schema(description = "TASK or MEETING") ActivityKind kind, String subject, String notes,
                    String accountId, String contactId, String opportunityId, Instant dueAt,
                    @Schema(description = "Default you") String assigneeId,
                    @Schema(description = "Before dueAt; absent: no reminder") Instant remindAt) implements About {
    }

    record Completion(String outcome) {
    }

    record Reschedule(Instant dueAt, Instant remindAt) {
    }

    record Assignee(String assigneeId) {
    }
}
