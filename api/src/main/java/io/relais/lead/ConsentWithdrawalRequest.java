package io.relais.lead;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/** The body of a withdrawal of consent: when and how the person said it. */
@Schema(example = """
        {"date": "2026-12-02", "channel": "EMAIL"}""")
public record ConsentWithdrawalRequest(
        @Schema(description = "The day the person said it; default today (UTC). Not in the future.")
        LocalDate date,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ConsentChannel channel) {
}
