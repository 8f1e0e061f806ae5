package io.relais.forecast;

import java.math.BigDecimal;

/** The target of a user for a period (null {@code previousAmount}: the first one). */
public record SalesTargetSet(String targetId, String userId, String period, BigDecimal amount, String currency,
                             BigDecimal previousAmount) {
}
