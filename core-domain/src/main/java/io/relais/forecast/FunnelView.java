package io.relais.forecast;

import jakarta.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The projected result of a team's period: what is won already, plus what the open deals and the booked
 * meetings are expected to bring at the rates the history shows, and the probability of reaching the target
 * (null without a target) when each open deal and booked meeting is won or not independently at those rates.
 */
public record FunnelView(String userId, String period, @Nullable Instant asOf, String currency, LocalDate historyFrom,
                         LocalDate historyUntil, List<StageConversion> stages, MeetingConversion meetings,
                         BigDecimal closedWon, BigDecimal expectedFromPipeline, BigDecimal expectedFromMeetings,
                         BigDecimal projected, @Nullable BigDecimal target, @Nullable BigDecimal probabilityOfTarget,
                         List<UnconvertedDeals> unconverted) {
}
