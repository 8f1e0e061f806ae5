package io.relais.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Merge this lead, a duplicate, into {@code survivorId}: its details fill the survivor's blanks and it ends.
 * Merging again into the same survivor changes nothing.
 */
public record MergeLeadInto(@TargetAggregateIdentifier String leadId, String survivorId,
                            Long expectedVersion) {
}
