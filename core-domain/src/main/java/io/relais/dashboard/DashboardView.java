package io.relais.dashboard;

import io.relais.forecast.UnconvertedDeals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A manager's dashboard: the team's figures, its pipeline by stage, one line per member the viewer may see
 * (a member's own figures only to them and to those above them) and the stale deals of those members.
 */
public record DashboardView(String userId, String period, LocalDate periodStart, LocalDate periodEnd,
                            LocalDate activitySince, int staleDays, Instant generatedAt, String currency,
                            DashboardFigures team, List<StagePipeline> pipelineByStage, List<DashboardMember> members,
                            List<StaleDeal> staleDeals, List<UnconvertedDeals> unconverted) {
}
