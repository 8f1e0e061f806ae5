package io.relais.account;

import java.time.Instant;
import java.util.List;

/**
 * An account as the read model shows it, with the account it was merged into or the duplicates merged
 * into it.
 */
public record AccountView(String id, long version, AccountStatus status, AccountDetails details, String ownerId,
                          String erpId, Instant createdAt, String createdBy, Instant updatedAt, String mergedIntoId,
                          List<String> mergedAccountIds) {
}
