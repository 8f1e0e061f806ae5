package io.relais.common;

import java.util.List;

/**
 * Why a command was refused, as plain data: it travels back to the sender as the details of Axon's
 * {@code CommandExecutionException}, also when the command was handled on another node through Axon Server.
 *
 * @param kind         what sort of refusal, which decides the HTTP status
 * @param code         the stable error code (the problem type's last segment)
 * @param field        the input at fault, if one is
 * @param message      a sentence for people
 * @param currentState for an invalid transition, the record's state at the time
 * @param missingFields for an incomplete record, the fields it lacks
 */
public record Refusal(Kind kind, String code, String field, String message, String currentState,
                      List<String> missingFields) {

    public Refusal {
        missingFields = missingFields == null ? List.of() : List.copyOf(missingFields);
    }

    public Refusal(Kind kind, String code, String field, String message, String currentState) {
        this(kind, code, field, message, currentState, List.of());
    }

    public static Refusal staleVersion() {
        return new Refusal(Kind.STALE_VERSION, "stale-version", "If-Match",
                "The record changed since the version given in If-Match; read it again and retry", null);
    }

    public static Refusal notFound(String id) {
        return new Refusal(Kind.NOT_FOUND, "not-found", "id", "No record exists with id " + id, null);
    }

    /**
     * Another command changed the record, or created it, between this command's read and its write: the store
     * refused the write. For a creation this means the record exists already.
     */
    public static Refusal concurrentModification() {
        return new Refusal(Kind.CONCURRENT_MODIFICATION, "concurrent-modification", null,
                "Another request changed the record at the same time; read it again and retry", null);
    }

    public static Refusal forbidden(String message) {
        return new Refusal(Kind.FORBIDDEN, "forbidden", null, message, null);
    }

    public enum Kind {
        INVALID_FIELD,
        INVALID_TRANSITION,
        STALE_VERSION,
        NOT_FOUND,
        FORBIDDEN,
        CONFLICT,
        CONCURRENT_MODIFICATION,
        INCOMPLETE
    }
}
