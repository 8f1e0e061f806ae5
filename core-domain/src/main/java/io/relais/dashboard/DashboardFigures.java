package io.relais.dashboard;

import jakarta.annotation.Nullable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A manager dashboard's figures for one user's own records or a whole team's, amounts in the reporting
 * currency: open pipeline (every open deal whatever its close date), results of the deals closed in the
 * period (win rate = won / (won + lost), average won deal size, average days from opening to winning),
 * activities done in the last weeks by kind, overdue tasks, stale deals, data quality and weekly usage.
 */
public record DashboardFigures(int openDeals, BigDecimal pipeline, BigDecimal weightedPipeline, int won, int lost,
                               @Nullable BigDecimal winRate, BigDecimal wonAmount, @Nullable BigDecimal averageDealSize,
                               @Nullable BigDecimal averageCycleDays, Map<String, Integer> activities, int overdueTasks,
                               int staleDeals, DataQuality dataQuality, List<UsageWeek> usage) {
}
