package io.relais.account;

import io.relais.common.PageRequest;
import io.relais.organisation.Viewer;

/**
 * A page of the accounts the viewer may see that match every filter given (null filters match all, but a
 * null status leaves merged accounts out),
 * ordered by legal name. {@code text} searches legal and trade names; {@code registration} finds a SIREN
 * or SIRET.
 */
public record FindAccounts(Viewer viewer, AccountStatus status, String ownerId, String text, String registration,
                           PageRequest page) {
}
