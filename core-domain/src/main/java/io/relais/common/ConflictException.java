package io.relais.common;

/** The request is well formed but clashes with the current state of other records (a taken id, a cycle …). */
public class ConflictException extends DomainException {

    private final String field;

    public ConflictException(String field, String code, String message) {
        super(code, message);
        this.field = field;
    }

    @Override
    public Refusal refusal() {
        return new Refusal(Refusal.Kind.CONFLICT, code(), field, getMessage(), null);
    }
}
