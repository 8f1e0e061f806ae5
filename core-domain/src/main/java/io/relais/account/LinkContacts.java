package io.relais.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record how a contact relates to another contact (of this account or another). */
public record LinkContacts(@TargetAggregateIdentifier String accountId, String contactId, String linkedContactId,
                           ContactLinkKind kind) {
}
