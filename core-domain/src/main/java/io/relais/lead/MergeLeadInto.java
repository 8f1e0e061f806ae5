package io.relais.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Merge this lead, a duplicate, into {@code survivorId}: its details fill the survivor's blanks and it ends.
 * Merging again into the same survivor changes nothing.
 */
public record MergeLeadInto(@TargetAggregateIdentifier String leadId, String survivorId,
                            @TargetAggregateVersion Long expectedVersion) {
}
