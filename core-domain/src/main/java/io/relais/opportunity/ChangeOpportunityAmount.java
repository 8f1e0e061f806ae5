package io.relais.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/** Set the amount of a deal without line items (with line items, it is their total). */
public record ChangeOpportunityAmount(@TargetAggregateIdentifier String opportunityId, BigDecimal amount,
                                      Long expectedVersion) {
}
