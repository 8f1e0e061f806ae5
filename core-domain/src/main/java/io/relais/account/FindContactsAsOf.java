package io.relais.account;

import io.relais.common.AsOf;

/**
 * An account's contacts, by name, as they stood at a past instant or version of the account, rebuilt from its
 * events; empty when the account did not exist then. Says nothing of visibility: the caller checks today's first.
 */
public record FindContactsAsOf(String accountId, AsOf asOf) {
}
