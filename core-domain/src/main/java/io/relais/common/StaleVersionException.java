package io.relais.common;

/**
 * The command expected another version of the record than the current one (the client's {@code If-Match}
 * is stale, or names a version the record never reached).
 */
public class StaleVersionException extends DomainException {

    private final long expectedVersion;
    private final Long currentVersion;

    public StaleVersionException(long expectedVersion, Long currentVersion) {
        super("stale-version", "Expected version " + expectedVersion + ", but the record is at version "
                + currentVersion);
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public Long currentVersion() {
        return currentVersion;
    }

    @Override
    public Refusal refusal() {
        return Refusal.staleVersion();
    }
}
