package io.relais.web;

/**
 * A retry came with another request than the one that did the work it finds done: an Idempotency-Key reused
 * for another body, or a lead's conversion asked again with another body. Answered 422 with its own code.
 */
public class RetryDiffersException extends RuntimeException {

    private final String field;
    private final String code;
    private final String title;

    public RetryDiffersException(String field, String code, String title, String message) {
        super(message);
        this.field = field;
        this.code = code;
        this.title = title;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }
}
