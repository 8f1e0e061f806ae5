package io.relais.dashboard;

import jakarta.annotation.Nullable;

/** One member of the team: their own records' figures and their subtree's. */
public record DashboardMember(String userId, String displayName, @Nullable String managerId, DashboardFigures own,
                              DashboardFigures team) {
}
