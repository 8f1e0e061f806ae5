package io.relais.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Tie a customer to its record in the ERP, which then masters its ERP fields. */
public record LinkAccountToErp(@TargetAggregateIdentifier String accountId, String erpId,
                               Long expectedVersion) {
}
