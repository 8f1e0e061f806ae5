package io.relais.lead;

import java.util.Optional;

/**
 * What a command on one lead must know of another (a merge's survivor). Implemented over the leads read model:
 * it may be a moment behind that lead's latest change.
 */
public interface OtherLeads {

    /** The lead's status, or empty when it is not known (yet). */
    Optional<LeadStatus> status(String leadId);
}
