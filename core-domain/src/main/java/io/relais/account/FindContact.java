package io.relais.account;

import io.relais.organisation.Viewer;

/** One contact, in whichever account it is now; empty when it does not exist or the viewer may not see its account. */
public record FindContact(String contactId, Viewer viewer) {
}
