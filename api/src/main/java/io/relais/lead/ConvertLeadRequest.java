package io.relais.lead;

import io.swagger.v3.oas.annotations.media.Schema;

/** How to convert a lead: into an existing account, or into a new one named after the lead's company. */
public record ConvertLeadRequest(
        @Schema(description = "An existing account to attach the lead to; absent: a new account is created")
        String accountId,
        @Schema(description = "The new account's legal name; absent: the lead's company") String legalName) {
}
