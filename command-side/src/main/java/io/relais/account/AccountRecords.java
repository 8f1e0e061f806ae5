package io.relais.account;

import java.util.List;
import java.util.Optional;

/**
 * The records that belong to an account besides its contacts, for the process that moves them on a merge, and
 * where a contact is now.
 */
public interface AccountRecords {

    /** Ids of the deals of the account. */
    List<String> opportunitiesOf(String accountId);

    /** Ids of the activities about the account. */
    List<String> activitiesOf(String accountId);

    /** The account a contact is in now, as the read model knows it. */
    Optional<String> accountOfContact(String contactId);
}
