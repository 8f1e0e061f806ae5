package io.relais.account;

import java.time.Instant;

/** An account as the read model shows it. */
public record AccountView(String id, long version, AccountStatus status, AccountDetails details, String ownerId,
                          String erpId, Instant createdAt, String createdBy, Instant updatedAt) {
}
