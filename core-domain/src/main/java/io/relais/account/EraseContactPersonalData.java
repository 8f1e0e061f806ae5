package io.relais.account;

import io.relais.personaldata.ErasureRequest;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erase a contact's personal data for good (its key); the contact stays in its account. */
public record EraseContactPersonalData(@TargetAggregateIdentifier String accountId, String contactId,
                                       ErasureRequest request) {
}
