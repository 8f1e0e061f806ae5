package io.relais.account;

import io.relais.organisation.Viewer;

/** One account; an empty optional when it does not exist or the viewer may not see it. */
public record FindAccount(String accountId, Viewer viewer) {
}
