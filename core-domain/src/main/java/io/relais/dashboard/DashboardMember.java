package io.relais.dashboard;

/** One member of the team: their own records' figures and their subtree's. */
public record DashboardMember(String userId, String displayName, String managerId, DashboardFigures own,
                              DashboardFigures team) {
}
