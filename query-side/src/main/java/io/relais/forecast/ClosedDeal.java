package io.relais.forecast;

import java.math.BigDecimal;
import java.util.Set;

/** A deal closed in the funnel's history window, with every stage it was ever in. */
record ClosedDeal(String opportunityId, boolean won, String currency, BigDecimal amount, Set<String> stages) {
}
