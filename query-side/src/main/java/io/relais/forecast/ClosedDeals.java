package io.relais.forecast;

import java.math.BigDecimal;

/**
 * Deals closed in the funnel's history window alike in outcome, currency and the furthest open stage their
 * history shows ({@code furthest}: its position in the configured stages from 0, -1 for none).
 */
record ClosedDeals(boolean won, String currency, int furthest, int deals, BigDecimal amount) {
}
