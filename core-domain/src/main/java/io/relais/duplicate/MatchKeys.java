package io.relais.duplicate;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises identifiers so that the same e-mail, phone or website written differently compares equal:
 * {@code Jean.Dupont+crm@Example.FR} and {@code jeandupont@example.fr}, {@code 04 72 00 00 00} and
 * {@code +33 4 72 00 00 00}, {@code https://www.dupont.fr/contact} and {@code dupont.fr}.
 */
public final class MatchKeys {

    private static final Pattern NON_DIGITS = Pattern.compile("[^0-9]");
    private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://");

    private MatchKeys() {
    }

    /** Lower case; in the local part, dots and a {@code +tag} dropped (they reach the same mailbox). */
    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String lower = email.strip().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        if (at <= 0) {
            return lower;
        }
        String local = lower.substring(0, at);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        return local.replace(".", "") + lower.substring(at);
    }

    /**
     * Digits in international form: {@code 00} becomes nothing, and a French national number (ten digits
     * starting with 0) gets the country code 33. Null below six digits.
     */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = NON_DIGITS.matcher(phone).replaceAll("");
        if (digits.startsWith("00")) {
            digits = digits.substring(2);
        } else if (digits.length() == 10 && digits.startsWith("0")) {
            digits = "33" + digits.substring(1);
        }
        return digits.length() < 6 ? null : digits;
    }

    /** The host of a web address, lower case, without {@code www.}, port or path. */
    public static String domain(String website) {
        if (website == null || website.isBlank()) {
            return null;
        }
        String host = SCHEME.matcher(website.strip().toLowerCase(Locale.ROOT)).replaceFirst("");
        int end = host.length();
        for (char stop : new char[] {'/', ':', '?', '#'}) {
            int index = host.indexOf(stop);
            if (index >= 0 && index < end) {
                end = index;
            }
        }
        host = host.substring(0, end);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        return host.isEmpty() ? null : host;
    }
}
