package io.relais.forecast;

import java.math.BigDecimal;

/**
 * Deals of one owner alike in currency, status, stage and forecast figures, as they stood at the forecast's
 * moment: how many, their total amount, and the total margin of the {@code dealsWithMargin} of them whose
 * every line has a known cost. A group of one is a single deal.
 */
record DealGroup(String ownerId, String currency, String status, String stage, int probability, String category,
                 int deals, BigDecimal amount, BigDecimal margin, int dealsWithMargin) {

    boolean won() {
        return "WON".equals(status);
    }
}
