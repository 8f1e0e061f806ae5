package io.relais.opportunity;

import java.math.BigDecimal;

/** The amount of a deal without line items changed. */
public record OpportunityAmountChanged(String opportunityId, BigDecimal previousAmount, BigDecimal amount) {
}
