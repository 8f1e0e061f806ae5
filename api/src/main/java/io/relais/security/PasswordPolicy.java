package io.relais.security;

import io.relais.common.InvalidFieldException;

import java.nio.charset.StandardCharsets;

/** What a password must be: long enough to resist guessing, short enough for BCrypt's 72-byte limit. */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    private static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    public static String validated(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidFieldException(field, "weak-password",
                    field + " must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidFieldException(field, "too-long", field + " must be at most " + MAX_BYTES + " bytes");
        }
        return password;
    }
}
