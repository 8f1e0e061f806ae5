package io.relais.opportunity;

import java.time.LocalDate;

/** The deal was lost, for {@code reason}. */
public record OpportunityLost(String opportunityId, LossReason reason, String note, LocalDate closedOn,
                              SalesStage previousStage) {
}
