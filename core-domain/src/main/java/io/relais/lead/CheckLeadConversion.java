package io.relais.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ask whether the lead would take {@link ConvertLead} with the same values, changing nothing: the conversion
 * asks it before it writes the account and the contact, so that a refusal (the lead's status, the version
 * the client expects, the actor's rights) leaves every record as it was.
 */
public record CheckLeadConversion(@TargetAggregateIdentifier String leadId, String accountId, String contactId,
                                  Long expectedVersion) {
}
