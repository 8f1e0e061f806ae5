package io.relais.account;

import io.relais.common.FieldChange;

import java.util.List;

/** The ERP's values replaced some ERP-mastered fields; {@code details} is the whole new state. */
public record AccountSyncedFromErp(String accountId, AccountDetails details, List<FieldChange> changes) {
}
