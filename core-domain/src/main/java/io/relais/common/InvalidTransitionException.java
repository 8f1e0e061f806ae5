package io.relais.common;

/** The record's current state does not allow the requested change. */
public class InvalidTransitionException extends DomainException {

    private final String currentState;

    public InvalidTransitionException(String action, String currentState) {
        super("invalid-transition", "Cannot " + action + " when the status is " + currentState);
        this.currentState = currentState;
    }

    public String currentState() {
        return currentState;
    }

    @Override
    public Refusal refusal() {
        return new Refusal(Refusal.Kind.INVALID_TRANSITION, code(), "status", getMessage(), currentState);
    }
}
