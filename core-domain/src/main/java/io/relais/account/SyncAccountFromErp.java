package io.relais.account;

import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Apply the ERP's values of ERP-mastered fields: the {@code fields} listed take their value from {@code values}. */
public record SyncAccountFromErp(@TargetAggregateIdentifier String accountId, AccountDetails values, Set<AccountField> fields) {
}
