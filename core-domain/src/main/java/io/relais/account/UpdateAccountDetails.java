package io.relais.account;

import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change some details: the {@code fields} listed take their value from {@code changes} (null clears). */
public record UpdateAccountDetails(@TargetAggregateIdentifier String accountId, AccountDetails changes, Set<AccountField> fields,
                                   Long expectedVersion) {
}
