package io.relais.dashboard;

import java.time.LocalDate;

/**
 * What was done in the tool in the week starting {@code weekStart} (a Monday, UTC): leads, accounts, contacts
 * and deals created, changes to them, and activities logged or scheduled.
 */
public record UsageWeek(LocalDate weekStart, int recordsCreated, int recordsUpdated, int activitiesLogged) {

    /** This week's counts and another's added up, for this week. */
    public UsageWeek plus(UsageWeek other) {
        return new UsageWeek(weekStart, recordsCreated + other.recordsCreated, recordsUpdated + other.recordsUpdated,
                activitiesLogged + other.activitiesLogged);
    }
}
