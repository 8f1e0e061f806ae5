package io.relais.lead;

import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Whether the person agreed to receive marketing, and when and how they said so (kept as proof). */
public record MarketingConsent(boolean granted, LocalDate date, ConsentChannel channel) {

    private static final ZoneOffset EARLIEST_TIME_ZONE = ZoneOffset.ofHours(14);

    public MarketingConsent validated(Clock clock) {
        if (date == null) {
            throw new InvalidFieldException("consent.date", "required", "consent.date is required");
        }
        Fields.date("consent.date", date);
        if (channel == null) {
            throw new InvalidFieldException("consent.channel", "required", "consent.channel is required");
        }
        // "Today" anywhere on Earth: a consent given just after midnight in Paris is not in the future.
        if (date.isAfter(LocalDate.now(clock.withZone(EARLIEST_TIME_ZONE)))) {
            throw new InvalidFieldException("consent.date", "date-in-future", "consent.date cannot be in the future");
        }
        return this;
    }
}
