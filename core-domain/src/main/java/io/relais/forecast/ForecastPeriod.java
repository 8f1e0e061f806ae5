package io.relais.forecast;

import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A forecast period: a year ({@code 2026}), a quarter ({@code 2026-Q3}) or a month ({@code 2026-07}), from
 * {@code start} (included) to {@code end} (excluded).
 */
public record ForecastPeriod(String label, LocalDate start, LocalDate end) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    /** The period a label names, in any case; a refusal naming {@code field} otherwise. */
    public static ForecastPeriod parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidFieldException(field, "required", field + " is required");
        }
        String label = text.strip().toUpperCase(Locale.ROOT);
        Matcher year = YEAR.matcher(label);
        if (year.matches()) {
            LocalDate start = LocalDate.of(Integer.parseInt(year.group(1)), 1, 1);
            return of(field, label, start, 12);
        }
        Matcher quarter = QUARTER.matcher(label);
        if (quarter.matches()) {
            LocalDate start = LocalDate.of(Integer.parseInt(quarter.group(1)),
                    3 * (Integer.parseInt(quarter.group(2)) - 1) + 1, 1);
            return of(field, label, start, 3);
        }
        if (MONTH.matcher(label).matches()) {
            try {
                LocalDate start = YearMonth.parse(label).atDay(1);
                return of(field, label, start, 1);
            } catch (DateTimeParseException e) {
                throw invalid(field);
            }
        }
        throw invalid(field);
    }

    /** The period of {@code months} from {@code start}, in the years every date of the CRM lies in. */
    private static ForecastPeriod of(String field, String label, LocalDate start, int months) {
        Fields.year(field, start.getYear());
        return new ForecastPeriod(label, start, start.plusMonths(months));
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && date.isBefore(end);
    }

    private static InvalidFieldException invalid(String field) {
        return new InvalidFieldException(field, "invalid-period",
                field + " must be a year (2026), a quarter (2026-Q3) or a month (2026-07)");
    }
}
