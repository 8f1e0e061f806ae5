package io.relais.opportunity;

import io.relais.common.PageRequest;
import io.relais.organisation.Viewer;

import java.time.LocalDate;

/**
 * A page of the deals the viewer may see that match every filter given (null filters match all), by
 * expected close date: of an account, an owner, a status, a stage, closing from and before dates, with
 * {@code text} in their name.
 */
public record FindOpportunities(Viewer viewer, String accountId, String ownerId, OpportunityStatus status,
                                String stage, LocalDate closingFrom, LocalDate closingBefore, String text,
                                PageRequest page) {
}
