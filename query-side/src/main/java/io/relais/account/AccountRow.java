package io.relais.account;

import io.relais.projection.RecordRow;

import java.time.Instant;
import java.util.List;

/** An account's row in the read model while a projection batch changes it. */
final class AccountRow extends RecordRow {

    AccountStatus status;
    AccountDetails details;
    String ownerId;
    String erpId;
    Instant createdAt;
    String createdBy;
    String mergedIntoId;
    List<String> mergedAccountIds = List.of();

    AccountRow(String id, long version, Instant updatedAt) {
        super(id, version, updatedAt);
    }

    AccountView toView() {
        return new AccountView(id(), version(), status, details, ownerId, erpId, createdAt, createdBy, updatedAt(),
                mergedIntoId, mergedAccountIds);
    }
}
