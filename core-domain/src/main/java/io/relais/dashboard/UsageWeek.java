package io.relais.dashboard;

import java.time.LocalDate;

/**
 * What was done in the tool in the week starting {@code weekStart} (a Monday, UTC): leads, accounts, contacts
 * and deals created, changes to them, and activities logged or scheduled.
 */
public record UsageWeek(LocalDate weekStart, int recordsCreated, int recordsUpdated, int activitiesLogged) {
}
