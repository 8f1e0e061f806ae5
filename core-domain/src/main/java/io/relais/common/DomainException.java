package io.relais.common;

/**
 * A command was refused by a domain rule. The {@code code} is stable: the API turns it into the problem
 * {@code type}, so clients may rely on it.
 */
public abstract class DomainException extends RuntimeException {

    private final String code;

    protected DomainException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** This refusal as data that can cross the command bus. */
    public abstract Refusal refusal();
}
