package io.relais.opportunity;

import java.time.LocalDate;

/** The date the deal is expected to close moved. */
public record OpportunityCloseDateChanged(String opportunityId, LocalDate previousCloseDate, LocalDate expectedCloseDate) {
}
