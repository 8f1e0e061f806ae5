package io.relais.web;

import java.time.Duration;

/** A rate limit is spent: answered 429 with {@code Retry-After}, in whole seconds, at least one. */
public class TooManyRequestsException extends RuntimeException {

    private final String code;
    private final Duration retryAfter;

    public TooManyRequestsException(String code, String detail, Duration retryAfter) {
        super(detail);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public String code() {
        return code;
    }

    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
