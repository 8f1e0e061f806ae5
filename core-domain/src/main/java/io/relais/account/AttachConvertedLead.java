package io.relais.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record on the account that a lead was converted into it, as its contact {@code contactId}. */
public record AttachConvertedLead(@TargetAggregateIdentifier String accountId, String leadId, String contactId) {
}
