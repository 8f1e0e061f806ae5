package io.relais.lead;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How to convert a lead: into an existing account, or into a new one named after the lead's company; with a
 * deal for the account when {@code opportunity} is given.
 */
public record ConvertLeadRequest(
        @Schema(description = "An existing account to attach the lead to; absent: a new account is created")
        String accountId,
        @Schema(description = "The new account's legal name; absent: the lead's company") String legalName,
        @Schema(description = "The new account's SIRET, by which enrich=true finds it in the company register",
                example = "73282932000017") String siret,
        @Schema(description = "A deal to open for the account, owned by the lead's owner, with the contact as its "
                + "primary contact; absent: none") Deal opportunity) {

    /** The deal a conversion opens. */
    public record Deal(String name, @Schema(example = "EUR") String currency, BigDecimal amount,
                       LocalDate expectedCloseDate, String priceList) {
    }
}
