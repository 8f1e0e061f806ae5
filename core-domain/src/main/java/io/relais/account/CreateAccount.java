package io.relais.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a company: a prospect that needs only its legal name. */
public record CreateAccount(@TargetAggregateIdentifier String accountId, AccountDetails details, String ownerId) {
}
