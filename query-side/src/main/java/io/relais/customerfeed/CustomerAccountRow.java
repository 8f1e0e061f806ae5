package io.relais.customerfeed;

import io.relais.account.AccountStatus;
import io.relais.projection.RecordRow;

import java.time.Instant;

/** What the customer feed keeps of an account to write its entries: status, ERP link, ERP-mastered fields. */
final class CustomerAccountRow extends RecordRow {

    AccountStatus status;
    String erpId;
    ErpFields fields;

    CustomerAccountRow(String id, long version, Instant updatedAt) {
        super(id, version, updatedAt);
    }
}
