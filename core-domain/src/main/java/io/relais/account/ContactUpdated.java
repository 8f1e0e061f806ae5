package io.relais.account;

import io.relais.common.FieldChange;

import java.util.List;

/** A contact's details changed; {@code details} is the whole new state. */
public record ContactUpdated(String accountId, String contactId, ContactDetails details, List<FieldChange> changes) {
}
