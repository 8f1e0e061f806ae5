package io.relais.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make a prospect a customer; refused with the list of what the ERP still needs. */
public record PromoteAccountToCustomer(@TargetAggregateIdentifier String accountId,
                                       Long expectedVersion) {
}
