package io.relais.account;

import java.util.List;

/**
 * An account's contacts, as a query answers them: a record, not a bare list, so that the answer keeps its type
 * through any serializer (a list's elements lose theirs through Axon Server with JSON).
 */
public record ContactList(List<ContactView> contacts) {
}
