package io.relais.account;

import java.util.List;

/** The records that belong to an account besides its contacts, for the process that moves them on a merge. */
public interface AccountRecords {

    /** Ids of the deals of the account. */
    List<String> opportunitiesOf(String accountId);

    /** Ids of the activities about the account. */
    List<String> activitiesOf(String accountId);
}
