package io.relais.account;

import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * An account as the read model shows it, with the account it was merged into or the duplicates merged
 * into it.
 */
public record AccountView(String id, long version, AccountStatus status, AccountDetails details,
                          @Nullable String ownerId, @Nullable String erpId, Instant createdAt, String createdBy,
                          Instant updatedAt, @Nullable String mergedIntoId, List<String> mergedAccountIds) {
}
