package io.relais.forecast;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The revenue {@code userId} (with their team, for a manager) should close in a period, in the reporting
 * currency. Set by administrators and by the managers above the user; setting it again changes it.
 */
public record SetSalesTarget(@TargetAggregateIdentifier String targetId, String userId, String period,
                             BigDecimal amount) {

    public static SetSalesTarget of(String userId, String period, BigDecimal amount) {
        return new SetSalesTarget(targetId(userId, period), userId, period, amount);
    }

    /**
     * One stream per user and period, named as the aggregate names it once it has checked both (the user id
     * trimmed, the period upper-cased), so that the command is routed to the stream its event goes to.
     */
    public static String targetId(String userId, String period) {
        return "target:" + (userId == null ? "" : userId.strip()) + ":"
                + (period == null ? "" : period.strip().toUpperCase(Locale.ROOT));
    }
}
