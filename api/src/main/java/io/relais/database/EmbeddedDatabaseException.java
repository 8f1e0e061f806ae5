package io.relais.database;

/**
 * The embedded database cannot start; the message says why and {@link #action()} what the operator can do.
 * {@link EmbeddedDatabaseFailureAnalyzer} makes both the error a failed start ends with.
 */
class EmbeddedDatabaseException extends RuntimeException {

    private final String action;

    EmbeddedDatabaseException(String message, String action) {
        this(message, action, null);
    }

    EmbeddedDatabaseException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    String action() {
        return action;
    }
}
