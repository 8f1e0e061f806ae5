package io.relais.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Make a prospect a customer; refused with the list of what the ERP still needs. */
public record PromoteAccountToCustomer(@TargetAggregateIdentifier String accountId,
                                       @TargetAggregateVersion Long expectedVersion) {
}
