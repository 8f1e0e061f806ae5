package io.relais.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record that a qualified lead became {@code contactId} of {@code accountId}. */
public record ConvertLead(@TargetAggregateIdentifier String leadId, String accountId, String contactId,
                          @TargetAggregateVersion Long expectedVersion) {
}
