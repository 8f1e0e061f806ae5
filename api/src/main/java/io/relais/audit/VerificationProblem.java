package io.relais.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

/** Something a verification found not intact: where, and why. */
public record VerificationProblem(
        @Schema(description = "The record (aggregate) id of the event, when there is one") @Nullable String recordId,
        @Schema(description = "The event's sequence number in its record's stream") @Nullable Long sequenceNumber,
        @Schema(description = "The store position concerned") @Nullable Long position,
        @Schema(description = "The seal concerned, for a problem found through a seal") @Nullable Long sealNumber,
        String reason) {
}
