package io.relais.common;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Shared checks for free-form fields. Every check trims, turns blank into null (the CRM lets fields stay
 * empty), and refuses with the field's name so that the API can point at it. Each kind of value has one
 * domain range here, narrower than what Java accepts and within what PostgreSQL and the read models store:
 * a value the store or a projection could choke on is refused before its event exists.
 */
public final class Fields {

    /** The years a CRM has business with: every date, instant and period lies in them. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2999;
    /** Digits before the point of an amount: the read models' numeric(19, 2) columns hold 17. */
    public static final int AMOUNT_DIGITS = 15;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final LocalDate FIRST_DAY = LocalDate.of(FIRST_YEAR, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(LAST_YEAR, 12, 31);
    private static final Instant FIRST_INSTANT = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant END_INSTANT = LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().-]{6,30}$");
    private static final Pattern WEBSITE = Pattern.compile(
            "^(?i:https?://)?[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9-]{1,63})+(?::\\d{1,5})?(/\\S*)?$");
    private static final Pattern USER_ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,63}$");
    private static final Pattern NAF = Pattern.compile("^[0-9]{2}\\.?[0-9]{2}[A-Z]$");
    private static final String LA_POSTE_SIREN = "356000000";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private Fields() {
    }

    /** Free text of at most {@code maxLength} characters, without control characters but tabs and line breaks. */
    public static String text(String field, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.length() > maxLength) {
            throw new InvalidFieldException(field, "too-long",
                    field + " must be at most " + maxLength + " characters (got " + trimmed.length() + ")");
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')) {
            throw new InvalidFieldException(field, "invalid-characters", field + " contains control characters");
        }
        if (hasUnpairedSurrogate(trimmed)) {
            // half of a UTF-16 pair is no character at all: UTF-8 cannot encode it, so it would be stored as '?'
            throw new InvalidFieldException(field, "invalid-characters", field + " contains an unpaired surrogate");
        }
        return trimmed;
    }

    /**
     * The note that goes with the reason a record was closed (a lead disqualified, a deal lost): the reason is
     * required, and {@code OTHER}, which says nothing by itself, needs a note.
     */
    public static String reasonNote(Enum<?> reason, String note) {
        present("reason", reason);
        String checked = text("note", note, 1000);
        if (reason.name().equals("OTHER") && checked == null) {
            throw new InvalidFieldException("note", "required", "note is required when the reason is OTHER");
        }
        return checked;
    }

    /** Whether half of a UTF-16 pair stands alone: code points keep only those as surrogates. */
    private static boolean hasUnpairedSurrogate(String value) {
        return value.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }

    /** A value that must be given: refused as required when it is null. */
    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidFieldException(field, "required", field + " is required");
        }
        return value;
    }

    public static String required(String field, String value, int maxLength) {
        String checked = text(field, value, maxLength);
        if (checked == null) {
            throw new InvalidFieldException(field, "required", field + " is required");
        }
        return checked;
    }

    public static String email(String field, String value) {
        String checked = text(field, value, 254);
        if (checked != null && (!EMAIL.matcher(checked).matches() || checked.indexOf('@') > 64)) {
            throw new InvalidFieldException(field, "invalid-email", field + " is not a valid e-mail address");
        }
        return checked;
    }

    public static String phone(String field, String value) {
        String checked = text(field, value, 32);
        if (checked != null && (!PHONE.matcher(checked).matches() || digits(checked) < 6 || digits(checked) > 15)) {
            throw new InvalidFieldException(field, "invalid-phone",
                    field + " must be a phone number of 6 to 15 digits, optionally starting with +");
        }
        return checked;
    }

    public static String website(String field, String value) {
        String checked = text(field, value, 255);
        if (checked != null && !WEBSITE.matcher(checked).matches()) {
            throw new InvalidFieldException(field, "invalid-website", field + " is not a valid web address");
        }
        return checked;
    }

    /**
     * An absolute http or https address with a host, as {@code value} spells it; refused naming {@code field} with
     * {@code code} and what {@code expected} says the field must be.
     */
    public static URI webAddress(String field, String value, String code, String expected) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below, naming the field
        }
        throw new InvalidFieldException(field, code, field + expected + " (got " + value + ")");
    }

    public static String country(String field, String value) {
        String checked = text(field, value, 100);
        if (checked == null) {
            return null;
        }
        String upper = checked.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(upper)) {
            throw new InvalidFieldException(field, "invalid-country", field + " must be an ISO 3166-1 alpha-2 code");
        }
        return upper;
    }

    public static String identifier(String field, String value) {
        String checked = required(field, value, 100);
        if (!checked.matches("[A-Za-z0-9._@-]+")) {
            throw new InvalidFieldException(field, "invalid-identifier",
                    field + " may contain only letters, digits, '.', '_', '@' and '-'");
        }
        return checked;
    }

    /** An identifier that may be left out: null when blank. */
    public static String optionalIdentifier(String field, String value) {
        return value == null || value.isBlank() ? null : identifier(field, value);
    }

    /**
     * An id that keys a stream or a row: used exactly as given, so surrounding spaces are refused, not
     * trimmed.
     */
    public static String exactIdentifier(String field, String value) {
        if (value == null || !value.equals(identifier(field, value))) {
            throw new InvalidFieldException(field, "invalid-identifier",
                    field + " may contain only letters, digits, '.', '_', '@' and '-'");
        }
        return value;
    }

    /** A user id that may be left out: null when blank. */
    public static String optionalUserId(String field, String value) {
        return text(field, value, 64) == null ? null : userId(field, value);
    }

    /** A login name, used as the user's id everywhere: lower case, so that "Alice" and "alice" are one user. */
    public static String userId(String field, String value) {
        String checked = required(field, value, 64);
        if (!USER_ID.matcher(checked).matches()) {
            throw new InvalidFieldException(field, "invalid-user-id",
                    field + " must be 2 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return checked;
    }

    /** A French NAF/APE code such as 62.01Z; accepted without the dot or in lower case, stored as 62.01Z. */
    public static String nafCode(String field, String value) {
        String checked = text(field, value, 10);
        if (checked == null) {
            return null;
        }
        String upper = checked.toUpperCase(Locale.ROOT);
        if (!NAF.matcher(upper).matches()) {
            throw new InvalidFieldException(field, "invalid-naf-code",
                    field + " must be a NAF code: two digits, a dot, two digits and a letter (e.g. 62.01Z)");
        }
        String compact = upper.replace(".", "");
        return compact.substring(0, 2) + "." + compact.substring(2);
    }

    /** A French SIREN (company number): 9 digits passing the Luhn check; spaces are dropped. */
    public static String siren(String field, String value) {
        String digits = registrationNumber(field, value, 9, "SIREN");
        if (digits != null && !luhn(digits)) {
            throw new InvalidFieldException(field, "invalid-siren", field + " fails the SIREN check digit");
        }
        return digits;
    }

    /**
     * A French SIRET (establishment number): 14 digits passing the Luhn check, except La Poste's (SIREN
     * 356000000), whose digits add up to a multiple of 5 instead; spaces are dropped.
     */
    public static String siret(String field, String value) {
        String digits = registrationNumber(field, value, 14, "SIRET");
        if (digits == null) {
            return null;
        }
        boolean valid = digits.startsWith(LA_POSTE_SIREN) ? digits.chars().map(c -> c - '0').sum() % 5 == 0
                : luhn(digits);
        if (!valid) {
            throw new InvalidFieldException(field, "invalid-siret", field + " fails the SIRET check digit");
        }
        return digits;
    }

    /**
     * A non-negative amount with at most {@code decimals} decimals and {@value #AMOUNT_DIGITS} digits before
     * the point, without trailing zeros (so that 50000.00 and 50000 are one value); null stays null.
     */
    public static BigDecimal amount(String field, BigDecimal value, int decimals) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        // in long: the digits before the point of 1E+2147483647 overflow an int (and would pass as negative)
        long digitsBeforePoint = (long) stripped.precision() - stripped.scale();
        if (value.signum() < 0 || value.scale() > decimals || digitsBeforePoint > AMOUNT_DIGITS) {
            throw new InvalidFieldException(field, "invalid-amount", field + " must be zero or more, with at most "
                    + AMOUNT_DIGITS + " digits and " + decimals + " decimals");
        }
        return stripped.scale() < 0 ? value.setScale(0) : stripped;
    }

    /** A percentage: an amount from 0 to 100 with at most two decimals; null stays null. */
    public static BigDecimal percent(String field, BigDecimal value) {
        BigDecimal checked = amount(field, value, 2);
        if (checked != null && checked.compareTo(HUNDRED) > 0) {
            throw new InvalidFieldException(field, "out-of-range", field + " is a percentage: 0 to 100");
        }
        return checked;
    }

    /** A whole number from {@code min} to {@code max}; null stays null. */
    public static Integer integer(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new InvalidFieldException(field, "out-of-range", field + " must be between " + min + " and " + max);
        }
        return value;
    }

    /** A year from {@value #FIRST_YEAR} to {@value #LAST_YEAR}. */
    public static int year(String field, int value) {
        if (value < FIRST_YEAR || value > LAST_YEAR) {
            throw outOfYears(field);
        }
        return value;
    }

    /** A date in the years {@value #FIRST_YEAR} to {@value #LAST_YEAR}; null stays null. */
    public static LocalDate date(String field, LocalDate value) {
        if (value != null && (value.isBefore(FIRST_DAY) || value.isAfter(LAST_DAY))) {
            throw outOfYears(field);
        }
        return value;
    }

    /** An instant in the years {@value #FIRST_YEAR} to {@value #LAST_YEAR} (UTC); null stays null. */
    public static Instant instant(String field, Instant value) {
        if (value != null && (value.isBefore(FIRST_INSTANT) || !value.isBefore(END_INSTANT))) {
            throw outOfYears(field);
        }
        return value;
    }

    private static InvalidFieldException outOfYears(String field) {
        return new InvalidFieldException(field, "out-of-range",
                field + " must be in the years " + FIRST_YEAR + " to " + LAST_YEAR);
    }

    /** An ISO 4217 currency code such as EUR; accepted in lower case. */
    public static String currency(String field, String value) {
        String checked = text(field, value, 3);
        if (checked == null) {
            return null;
        }
        String upper = checked.toUpperCase(Locale.ROOT);
        if (!CURRENCIES.contains(upper)) {
            throw new InvalidFieldException(field, "invalid-currency", field + " must be an ISO 4217 currency code");
        }
        return upper;
    }

    /** A name of one of {@code type}'s constants, in any case; null when blank. */
    public static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        String checked = text(field, value, 50);
        if (checked == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, checked.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "invalid-value", field + " must be one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String registrationNumber(String field, String value, int length, String name) {
        String checked = text(field, value, 2 * length);
        if (checked == null) {
            return null;
        }
        String digits = checked.replace(" ", "");
        if (digits.length() != length || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidFieldException(field, "invalid-" + name.toLowerCase(Locale.ROOT),
                    field + " must be a " + name + ": " + length + " digits");
        }
        return digits;
    }

    /** Whether the digits pass the Luhn check, as SIREN and SIRET numbers (but La Poste's SIRETs) do. */
    public static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    private static long digits(String value) {
        return value.chars().filter(Character::isDigit).count();
    }
}
