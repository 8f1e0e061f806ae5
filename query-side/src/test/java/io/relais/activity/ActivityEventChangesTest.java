package io.relais.activity;

import io.relais.common.FieldChange;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityEventChangesTest {

    private static final Instant DUE = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void aScheduledTaskListsWhatItIsAboutAndWhenItIsDue() {
        assertThat(ActivityEventChanges.of(new ActivityScheduled("t1", ActivityKind.TASK, "Relancer", null,
                new ActivityLinks("a1", null, "o1"), DUE, "rep", DUE.minusSeconds(3600)))).containsExactly(
                new FieldChange("status", null, "OPEN"), new FieldChange("kind", null, "TASK"),
                new FieldChange("subject", null, "Relancer"), new FieldChange("accountId", null, "a1"),
                new FieldChange("opportunityId", null, "o1"), new FieldChange("ownerId", null, "rep"),
                new FieldChange("dueAt", null, "2026-12-01T09:00:00Z"),
                new FieldChange("remindAt", null, "2026-12-01T08:00:00Z"));
    }

    @Test
    void alertsAreAddedForTheAssignee() {
        assertThat(ActivityEventChanges.of(new ActivityReminderDue("t1", "rep", DUE)))
                .containsExactly(new FieldChange("alerts", null, "REMINDER rep"));
        assertThat(ActivityEventChanges.of(new ActivityOverdue("t1", "rep", DUE))).containsExactly(
                new FieldChange("overdue", "false", "true"), new FieldChange("alerts", null, "OVERDUE rep"));
    }

    @Test
    void reassigningCancellingAndTransferringChangeOneField() {
        assertThat(ActivityEventChanges.of(new ActivityReassigned("t1", "rep-2", "rep-1")))
                .containsExactly(new FieldChange("ownerId", "rep-1", "rep-2"));
        assertThat(ActivityEventChanges.of(new ActivityCancelled("t1")))
                .containsExactly(new FieldChange("status", "OPEN", "CANCELLED"));
        assertThat(ActivityEventChanges.of(new ActivityTransferred("t1", "a2", "a1")))
                .containsExactly(new FieldChange("accountId", "a1", "a2"));
    }
}
