package io.relais.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/** Move the date an open deal is expected to close. */
public record ChangeOpportunityCloseDate(@TargetAggregateIdentifier String opportunityId, LocalDate expectedCloseDate,
                                         @TargetAggregateVersion Long expectedVersion) {
}
