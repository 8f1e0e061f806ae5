package io.relais.forecast;

import java.math.BigDecimal;

/** Deals of the period with their amount and margin (null when no cost is known) in the reporting currency. */
record ConvertedDeal(DealGroup deal, BigDecimal amount, BigDecimal margin) {
}
