package io.relais.account;

import java.util.Optional;

/**
 * What a command on one account must know of another (a merge's survivor, the account a contact moves to).
 * Implemented over the accounts read model: it may be a moment behind that account's latest change.
 */
public interface OtherAccounts {

    /** The account's standing, or empty when it is not known (yet). */
    Optional<Standing> standing(String accountId);

    record Standing(AccountStatus status, String erpId) {

        public boolean merged() {
            return status == AccountStatus.MERGED;
        }
    }
}
