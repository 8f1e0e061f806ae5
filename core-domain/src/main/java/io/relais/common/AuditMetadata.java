package io.relais.common;

/**
 * The metadata keys every message carries so that auditors can tell who, when and why. {@code userId} is
 * the acting user; for actions the system takes, it is the system and {@code onBehalfOf} names the user.
 */
public final class AuditMetadata {

    public static final String USER_ID = "userId";
    public static final String ON_BEHALF_OF = "onBehalfOf";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String CHANGE_REASON = "changeReason";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String REQUEST_HASH = "requestHash";

    private AuditMetadata() {
    }
}
