package io.relais.lead;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of a lead's duplicate dismissal. */
record DismissDuplicateRequest(@Schema(description = "The lead that is not a duplicate of this one") String otherId) {
}
