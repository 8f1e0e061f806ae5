package io.relais.imports;

import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Values as files write them, read into what the commands take: French and English yes and no, dates as
 * 2026-11-20 or 20/11/2026, numbers with a decimal comma and spaces between thousands, countries by name.
 */
final class ImportValues {

    private static final Set<String> YES = Set.of("oui", "o", "yes", "y", "true", "vrai", "1", "x");
    private static final Set<String> NO = Set.of("non", "n", "no", "false", "faux", "0");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final Map<String, String> COUNTRIES = countryNames();

    private ImportValues() {
    }

    /** An ISO code as it is; a country's name in French or English as its code; anything else for the rules. */
    static String country(String value) {
        return value == null ? null : COUNTRIES.getOrDefault(ColumnMapping.normalised(value), value);
    }

    static Boolean yesNo(String field, String value) {
        if (value == null) {
            return null;
        }
        String answer = value.toLowerCase(Locale.ROOT);
        if (!YES.contains(answer) && !NO.contains(answer)) {
            throw new InvalidFieldException(field, "invalid-value", field + " must be oui or non (yes or no, true or "
                    + "false, 1 or 0), not " + value);
        }
        return YES.contains(answer);
    }

    static LocalDate date(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.contains("/") ? LocalDate.parse(value, FRENCH_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "invalid-date", field + " must be a date as 2026-11-20 or "
                    + "20/11/2026, not " + value);
        }
    }

    static Integer integer(String field, String value) {
        BigDecimal number = decimal(field, value);
        try {
            return number == null ? null : number.intValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidFieldException(field, "invalid-number", field + " must be a whole number, not " + value);
        }
    }

    /** A number as French and English files write it: 1 234,56 or 1,234.56 or 1234.56. */
    static BigDecimal decimal(String field, String value) {
        if (value == null) {
            return null;
        }
        String digits = value.replaceAll("[\\s\\u00A0\\u202F]", "");
        if (digits.contains(",") && digits.contains(".")) {
            digits = digits.replace(",", "");
        } else {
            digits = digits.replace(',', '.');
        }
        try {
            return new BigDecimal(digits);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field, "invalid-number", field + " must be a number, not " + value);
        }
    }

    /** One of {@code type}'s constants, written with spaces or hyphens for its underscores too. */
    static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        return Fields.enumValue(field, value == null ? null : value.strip().replace(' ', '_').replace('-', '_'), type);
    }

    private static Map<String, String> countryNames() {
        Map<String, String> names = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            names.put(ColumnMapping.normalised(country.getDisplayCountry(Locale.FRENCH)), code);
            names.put(ColumnMapping.normalised(country.getDisplayCountry(Locale.ENGLISH)), code);
        }
        return names;
    }
}
