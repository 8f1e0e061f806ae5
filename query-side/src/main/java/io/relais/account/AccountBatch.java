package io.relais.account;

import io.relais.projection.RecordRows;
import org.axonframework.messaging.Message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

    AccountBatch(AccountReadRepository repository, List<? extends Message<?>> events) {
        accounts = new RecordRows<>(events, repository::findAll);
    }
}
