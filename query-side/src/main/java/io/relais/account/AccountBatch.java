package io.relais.account;

import io.relais.projection.PastStates;
import io.relais.projection.RecordRows;
import org.axonframework.messaging.Message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What one batch of account events changes, written when the batch commits: the accounts' rows, and the writes
 * of their contacts and links. A contact may be changed by the streams of two accounts (it moves), which other
 * segments may be projecting at the same time: its writes keep the conditions that order them (the account it is
 * in, its version, the store position of its placement) and are applied by the database.
 */
final class AccountBatch {

    /** A contact put into an account, by its creation there or by a move, at its event's position in the store. */
    record Placement(String contactId, String accountId, long version, ContactDetails details, String leadId,
                     Instant at, String eventId, long position) {
    }

    /**
     * An account's change to its contact: new details, or none (a link) when {@code details} is null; the erasure
     * of the contact's personal data when {@code erased}.
     */
    record ContactChange(String accountId, String contactId, long version, Instant at, ContactDetails details,
                         boolean erased) {
    }

    record Link(String contactId, ContactLink link, Instant at) {
    }

    final RecordRows<AccountRow> accounts;
    final List<Placement> added = new ArrayList<>();
    final List<Placement> movedIn = new ArrayList<>();
    final List<ContactChange> contactChanges = new ArrayList<>();
    final List<Link> links = new ArrayList<>();
    /**
     * The contacts that left their account, by the version of the account that says so: the tables need not know
     * (a contact stays listed until its new account takes it in), an account's past contacts do.
     */
    final Map<String, Long> movedOut = new LinkedHashMap<>();

    AccountBatch(Function<Set<String>, Collection<AccountRow>> read, List<? extends Message<?>> events) {
        accounts = new RecordRows<>(events, read);
    }

    /** A batch that starts with no row and is never written: for an account's past state ({@link PastStates}). */
    static AccountBatch inMemory() {
        return new AccountBatch(ids -> List.of(), List.of());
    }

    /**
     * The contacts of this batch's one account, by name, as its events leave them: what the tables' writes make of
     * one stream, applied in memory in the stream's order (an event moves a contact in, changes it or moves it out;
     * it keeps the date it first came in, and each link its first date).
     */
    List<ContactView> contacts() {
        Map<String, ContactView> contacts = new HashMap<>();
        Map<String, Instant> firstPlaced = new HashMap<>();
        SortedMap<Long, Runnable> steps = new TreeMap<>();
        Stream.concat(added.stream(), movedIn.stream()).forEach(placement -> steps.put(placement.version(), () -> {
            Instant created = firstPlaced.computeIfAbsent(placement.contactId(), id -> placement.at());
            contacts.put(placement.contactId(), new ContactView(placement.contactId(), placement.accountId(),
                    placement.details(), placement.leadId(), List.of(), created, placement.at(), false));
        }));
        contactChanges.forEach(change -> steps.put(change.version(), () -> contacts.computeIfPresent(
                change.contactId(), (id, contact) -> new ContactView(id, contact.accountId(),
                        change.details() == null ? contact.details() : change.details(), contact.leadId(), List.of(),
                        contact.createdAt(), change.at(), contact.personalDataErased() || change.erased()))));
        movedOut.forEach((contactId, version) -> steps.put(version, () -> contacts.remove(contactId)));
        steps.values().forEach(Runnable::run);
        return contacts.values().stream()
                .map(contact -> new ContactView(contact.id(), contact.accountId(), contact.details(),
                        contact.leadId(), linksOf(contact.id()), contact.createdAt(), contact.updatedAt(),
                        contact.personalDataErased()))
                .sorted(ContactOrder.CONTACTS).toList();
    }

    private List<ContactLink> linksOf(String contactId) {
        Map<ContactLink, Instant> firstMade = new HashMap<>();
        links.stream().filter(link -> link.contactId().equals(contactId)).forEach(link -> firstMade.merge(link.link(),
                link.at(), (one, other) -> one.isBefore(other) ? one : other));
        return ContactOrder.links(firstMade);
    }
}
