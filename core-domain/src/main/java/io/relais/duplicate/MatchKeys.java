package io.relais.duplicate;

import java.net.IDN;
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

    /**
     * Lower case; in the local part, dots and a {@code +tag} dropped (they reach the same mailbox at the
     * providers that allow them, and are worth a reviewer's look elsewhere). Null without a mailbox and a
     * domain.
     */
    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String lower = email.strip().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        if (at <= 0 || at == lower.length() - 1) {
            return null;
        }
        String local = lower.substring(0, at);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        return local.replace(".", "") + lower.substring(at);
    }

    /**
     * Digits in international form: {@code 00} becomes nothing, a French national number (ten digits
     * starting with 0) gets the country code 33, and the trunk 0 written after it ({@code +33 (0)4 ...})
     * goes. Null below six digits.
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
        if (digits.length() == 12 && digits.startsWith("330")) {
            digits = "33" + digits.substring(3);
        }
        return digits.length() < 6 ? null : digits;
    }

    /**
     * The host of a web address, lower case and in its ASCII form ({@code café.fr} is
     * {@code xn--caf-dma.fr}), without {@code www.}, user, port, path or final dot.
     */
    public static String domain(String website) {
        if (website == null || website.isBlank()) {
            return null;
        }
        String host = SCHEME.matcher(website.strip().toLowerCase(Locale.ROOT)).replaceFirst("");
        if (host.startsWith("//")) {
            host = host.substring(2);
        }
        int authorityEnd = firstOf(host, "/?#");
        int user = host.lastIndexOf('@', authorityEnd - 1);
        host = host.substring(user + 1, authorityEnd);
        host = host.substring(0, firstOf(host, ":"));
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            return null;
        }
        try {
            return IDN.toASCII(host);
        } catch (IllegalArgumentException e) {
            return host;
        }
    }

    /** The index of the first of {@code stops} in {@code text}, or its length. */
    private static int firstOf(String text, String stops) {
        for (int i = 0; i < text.length(); i++) {
            if (stops.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
