package io.relais.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Move the date an open deal is expected to close. */
public record ChangeOpportunityCloseDate(@TargetAggregateIdentifier String opportunityId, LocalDate expectedCloseDate,
                                         Long expectedVersion) {
}
