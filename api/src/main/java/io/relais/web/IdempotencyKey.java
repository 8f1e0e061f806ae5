package io.relais.web;

import io.relais.common.InvalidFieldException;

import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} a creation is sent with: a controller method that creates takes it as a parameter
 * ({@link HeaderParameters} reads and documents it; {@link IdempotencyKeys} makes the creation idempotent with it).
 *
 * @param value null when the request names none
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    public IdempotencyKey {
        if (value != null && !KEY.matcher(value).matches()) {
            throw new InvalidFieldException(HEADER, "invalid-idempotency-key",
                    "Idempotency-Key must be 1 to 100 letters, digits, '.', '_', ':' or '-'");
        }
    }

    /** The key a request's headers give; several headers read as one comma-separated value, which is refused. */
    static IdempotencyKey of(String[] headers) {
        return new IdempotencyKey(headers == null ? null : String.join(",", headers));
    }

    public boolean given() {
        return value != null;
    }
}
