package io.relais.web;

import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Query parameters (and dates in paths): dates and instants in the domain's range, and text the database can
 * compare; a refusal naming the parameter otherwise.
 */
public final class QueryParameters {

    public static final String INSTANT = "an ISO-8601 instant (2026-11-20T09:30:00Z) or a date (2026-11-20, "
            + "midnight UTC)";
    public static final String INSTANT_OR_END_OF_DAY = "an ISO-8601 instant (2026-11-20T09:30:00Z) or a date "
            + "(2026-11-20, the end of that day UTC)";
    /** The longest value any parameter has a use for: ids, search text, dates, periods. */
    public static final int MAX_LENGTH = 200;

    private QueryParameters() {
    }

    /**
     * Refuses a value no parameter may have: longer than {@value #MAX_LENGTH} characters, or with characters
     * PostgreSQL cannot compare (NUL, unpaired surrogates) or other control characters. {@link
     * QueryParameterCheck} applies it to every parameter of every request, so that no endpoint can forget it.
     */
    public static void check(String field, String value) {
        Fields.text(field, value, MAX_LENGTH);
    }

    /** The parameter as given; refused when longer than {@code maxLength} characters. */
    public static String atMost(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new InvalidFieldException(field, "too-long", field + " must be at most " + maxLength + " characters");
        }
        return value;
    }

    /** A text parameter stripped; null when blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An instant, or a date meaning its midnight UTC, in the domain's years; empty when blank. */
    public static Optional<Instant> instant(String field, String value) {
        return instant(field, value, date -> date.atStartOfDay(ZoneOffset.UTC).toInstant(), INSTANT);
    }

    /**
     * An instant, or a date meaning the end of that day (UTC: its last instant), in the domain's years; empty when
     * blank.
     */
    public static Optional<Instant> instantOrEndOfDay(String field, String value) {
        return instant(field, value,
                date -> date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1), INSTANT_OR_END_OF_DAY);
    }

    private static Optional<Instant> instant(String field, String value, Function<LocalDate, Instant> date,
                                             String expected) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        try {
            return Optional.of(Fields.instant(field, text.indexOf(':') < 0
                    ? date.apply(LocalDate.parse(text)) : Instant.parse(text)));
        } catch (DateTimeException e) {
            throw new InvalidFieldException(field, "invalid-parameter", field + " must be " + expected);
        }
    }

    /** Whether {@code order} (asc or desc, desc when blank) asks for the oldest first. */
    public static boolean oldestFirst(String order) {
        if (order == null || order.isBlank()) {
            return false;
        }
        return switch (order.strip().toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw new InvalidFieldException("order", "invalid-parameter", "order must be asc or desc");
        };
    }

    /** A date in the domain's years; empty when blank. */
    public static Optional<LocalDate> date(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Fields.date(field, LocalDate.parse(value.strip())));
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "invalid-parameter", field + " must be a date such as 2026-11-26");
        }
    }
}
