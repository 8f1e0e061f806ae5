package io.relais.lead;

import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import jakarta.annotation.Nullable;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Whether the person agreed to receive marketing, and when and how they said so (kept as proof).
 *
 * @param textVersion the version of the consent text the person was shown, as the form or campaign names it
 *                    (e.g. {@code 2026-11}); null when it was not recorded
 */
public record MarketingConsent(boolean granted, LocalDate date, ConsentChannel channel, @Nullable String textVersion) {

    /** What the lead read model's consent_text_version column holds. */
    private static final int TEXT_VERSION_LENGTH = 50;
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
        return new MarketingConsent(granted, date, channel,
                Fields.text(fieldPrefix + "textVersion", textVersion, TEXT_VERSION_LENGTH));
    }

    /** The latest date that is today somewhere on Earth. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(EARLIEST_TIME_ZONE));
    }
}
