package io.relais.forecast;

import java.math.BigDecimal;

/** A deal of the period with its amount and margin (null when a cost is unknown) in the reporting currency. */
record ConvertedDeal(DealSnapshot deal, BigDecimal amount, BigDecimal margin) {
}
