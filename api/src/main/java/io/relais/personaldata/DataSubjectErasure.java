package io.relais.personaldata;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A person whose data is erased, and since when. */
public record DataSubjectErasure(
        DataSubjectKind kind,
        @Schema(description = "The lead's or the contact's id") String id,
        @Schema(description = "When the person's key was deleted") Instant erasedAt) {
}
