package io.relais.audit;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The outcome of a verification of the event store. */
public record Verification(
        @Schema(description = "Whether everything checked is intact") boolean intact,
        @Schema(description = "The range checked: positions after this one") long fromPosition,
        @Schema(description = "… up to this one") long toPosition,
        @Schema(description = "Events whose stream chains were checked") long checkedEvents,
        @Schema(description = "Seals checked (hash, chain, signature, and the events they cover)") long checkedSeals,
        @Schema(description = "The position up to which the store is sealed") long sealedUpTo,
        List<VerificationProblem> problems) {
}
