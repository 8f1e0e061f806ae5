package io.relais.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a qualified lead became {@code contactId} of {@code accountId}. */
public record ConvertLead(@TargetAggregateIdentifier String leadId, String accountId, String contactId,
                          Long expectedVersion) {
}
