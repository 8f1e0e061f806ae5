package io.relais.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Merge this account, a duplicate, into {@code survivorId}: it hands over its contacts, converted leads and
 * details and ends. Merging again into the same survivor changes nothing.
 */
public record MergeAccountInto(@TargetAggregateIdentifier String accountId, String survivorId,
                               Long expectedVersion) {
}
