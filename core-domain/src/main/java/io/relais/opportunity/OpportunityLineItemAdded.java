package io.relais.opportunity;

import java.math.BigDecimal;

/** A line was added; {@code amount} is the deal's new total. */
public record OpportunityLineItemAdded(String opportunityId, LineItem line, BigDecimal previousAmount, BigDecimal amount) {
}
