package io.relais.common;

/** A value is not acceptable for a field: wrong format, too long, missing where required. */
public class InvalidFieldException extends DomainException {

    private final String field;

    public InvalidFieldException(String field, String code, String message) {
        super(code, message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public Refusal refusal() {
        return new Refusal(Refusal.Kind.INVALID_FIELD, code(), field, getMessage(), null);
    }
}
