package io.relais.forecast;

import java.math.BigDecimal;
import java.time.Instant;

/** A user's target for a period, with who set it last and when. */
public record SalesTargetView(String userId, String period, BigDecimal amount, String currency, long version,
                              Instant setAt, String setBy) {
}
