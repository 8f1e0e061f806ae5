package io.relais.lead;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of a lead merge. */
record MergeLeadRequest(@Schema(description = "The duplicate to merge into this lead; it ends, this one carries on")
                        String duplicateId) {
}
