package io.relais.web;

import io.relais.common.InvalidFieldException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Dates and instants given as query parameters; a refusal naming the parameter when they do not parse. */
public final class QueryParameters {

    public static final String INSTANT = "an ISO-8601 instant (2026-11-20T09:30:00Z) or a date (2026-11-20, "
            + "midnight UTC)";

    private QueryParameters() {
    }

    /** A text parameter stripped; null when blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An instant, or a date meaning its midnight UTC; empty when blank. */
    public static Optional<Instant> instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        try {
            return Optional.of(text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "invalid-parameter", field + " must be " + INSTANT);
        }
    }

    /** A date; empty when blank. */
    public static Optional<LocalDate> date(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "invalid-parameter", field + " must be a date such as 2026-11-26");
        }
    }
}
