package io.relais.webform;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a web form received since it was registered, and day by day (UTC) over the last days, newest first (days
 * without submissions left out). Submissions refused by the rate limits are not counted here: they are in the
 * engine's metrics ({@code relais.web_forms.submissions}, outcome {@code throttled}).
 */
public record WebFormActivity(
        String formId,
        @Schema(description = "Submissions that became leads") long captured,
        @Schema(description = "Submissions refused for their content (400)") long refused,
        @Schema(description = "Submissions that filled the honeypot: answered as a success, nothing captured")
        long spam,
        @Schema(nullable = true, description = "The last submission counted; null when none was") Instant lastReceivedAt,
        List<Day> days) {

    public record Day(LocalDate day, long captured, long refused, long spam) {
    }
}
