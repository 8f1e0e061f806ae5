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
        return validated(clock, "consent.");
    }

    /** Checked as a request states it, its fields named {@code fieldPrefix} + their name. */
    public MarketingConsent validated(Clock clock, String fieldPrefix) {
        String dateField = fieldPrefix + "date";
        String channelField = fieldPrefix + "channel";
        if (date == null) {
            throw new InvalidFieldException(dateField, "required", dateField + " is required");
        }
        Fields.date(dateField, date);
        if (channel == null) {
            throw new InvalidFieldException(channelField, "required", channelField + " is required");
        }
        // "Today" anywhere on Earth: a consent given just after midnight in Paris is not in the future.
        if (date.isAfter(today(clock))) {
            throw new InvalidFieldException(dateField, "date-in-future", dateField + " cannot be in the future");
        }
        return this;
    }

    /** The latest date that is today somewhere on Earth. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(EARLIEST_TIME_ZONE));
    }
}
