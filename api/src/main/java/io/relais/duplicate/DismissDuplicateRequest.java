package io.relais.duplicate;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of a duplicate dismissal. */
record DismissDuplicateRequest(
        @Schema(description = "The record of the same kind (lead or account) that is not a duplicate of this one")
        String otherId) {
}
