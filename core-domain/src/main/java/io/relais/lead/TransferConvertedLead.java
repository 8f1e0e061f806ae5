package io.relais.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The account this lead was converted into was merged into {@code accountId}: the lead now points there.
 * Sent by the merge process only.
 */
public record TransferConvertedLead(@TargetAggregateIdentifier String leadId, String accountId,
                                    String previousAccountId) {
}
