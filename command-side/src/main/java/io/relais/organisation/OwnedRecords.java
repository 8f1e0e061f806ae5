package io.relais.organisation;

import java.util.List;

/** The records a user owns that are still in play, for deactivation and reassignment. */
public interface OwnedRecords {

    /** Ids of the leads owned by {@code userId} that are neither converted nor disqualified. */
    List<String> openLeadsOwnedBy(String userId);
}
