package io.relais.account;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order an account's contacts (by last name, first name, id) and a contact's links (by the date each was first
 * made, then the linked contact's id) are shown in, whether read from the tables or rebuilt in memory: compared in
 * Java, so that the database's collation cannot make the two differ.
 */
final class ContactOrder {

    private static final Comparator<String> TEXT = Comparator.nullsLast(Comparator.naturalOrder());
    static final Comparator<ContactView> CONTACTS = Comparator
            .comparing((ContactView contact) -> contact.details().lastName(), TEXT)
            .thenComparing(contact -> contact.details().firstName(), TEXT)
            .thenComparing(ContactView::id);

    private ContactOrder() {
    }

    /** A contact's links, each with the date it was first made, in order. */
    static List<ContactLink> links(Map<ContactLink, Instant> firstMade) {
        return firstMade.entrySet().stream()
                .sorted(Map.Entry.<ContactLink, Instant>comparingByValue()
                        .thenComparing(entry -> entry.getKey().linkedContactId()))
                .map(Map.Entry::getKey).toList();
    }
}
