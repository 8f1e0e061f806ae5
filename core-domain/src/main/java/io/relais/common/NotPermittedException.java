package io.relais.common;

/** The caller may see the record but their profile or place in the hierarchy does not let them do this. */
public class NotPermittedException extends DomainException {

    public NotPermittedException(String message) {
        super("forbidden", message);
    }

    @Override
    public Refusal refusal() {
        return Refusal.forbidden(getMessage());
    }
}
