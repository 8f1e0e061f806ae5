package io.relais.account;

import io.relais.organisation.Viewer;

/** An account's contacts by name; empty when the viewer may not see the account. */
public record FindContacts(String accountId, Viewer viewer) {
}
