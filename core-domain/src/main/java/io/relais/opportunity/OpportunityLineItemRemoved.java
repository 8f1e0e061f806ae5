package io.relais.opportunity;

import java.math.BigDecimal;

/** A line was removed; {@code amount} is the deal's new total. */
public record OpportunityLineItemRemoved(String opportunityId, String lineId, BigDecimal previousAmount, BigDecimal amount) {
}
