package io.relais.account;

import io.relais.common.FieldChange;

import java.util.List;

/** Some details changed; {@code details} is the whole new state. */
public record AccountDetailsUpdated(String accountId, AccountDetails details, List<FieldChange> changes) {
}
