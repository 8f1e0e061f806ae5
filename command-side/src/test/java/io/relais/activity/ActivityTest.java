package io.relais.activity;

import io.relais.common.ExpectedVersions;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import static io.relais.activity.Activity.OVERDUE;
import static io.relais.activity.Activity.REMINDER;
import static io.relais.activity.ActivityFixtures.ACCOUNT_ID;
import static io.relais.activity.ActivityFixtures.ACTIVITY_ID;
import static io.relais.organisation.TestOrganisation.ADMIN;
import static io.relais.organisation.TestOrganisation.ANALYST;
import static io.relais.organisation.TestOrganisation.AUDITOR;
import static io.relais.activity.ActivityFixtures.CALL_SUBJECT;
import static io.relais.activity.ActivityFixtures.CONTACT_ID;
import static io.relais.organisation.TestOrganisation.DIRECTOR;
import static io.relais.activity.ActivityFixtures.DUE;
import static io.relais.activity.ActivityFixtures.EARLIER;
import static io.relais.organisation.TestOrganisation.FORMER;
import static io.relais.activity.ActivityFixtures.LATER_DUE;
import static io.relais.activity.ActivityFixtures.LATER_REMIND;
import static io.relais.activity.ActivityFixtures.LINKS;
import static io.relais.organisation.TestOrganisation.MANAGER;
import static io.relais.activity.ActivityFixtures.NOTES;
import static io.relais.activity.ActivityFixtures.NOW;
import static io.relais.activity.ActivityFixtures.OPPORTUNITY_ID;
import static io.relais.activity.ActivityFixtures.OTHER_ACCOUNT_ID;
import static io.relais.organisation.TestOrganisation.OTHER_MANAGER;
import static io.relais.organisation.TestOrganisation.OTHER_REP;
import static io.relais.activity.ActivityFixtures.OTHER_REQUEST;
import static io.relais.activity.ActivityFixtures.OWNER;
import static io.relais.organisation.TestOrganisation.PEER;
import static io.relais.activity.ActivityFixtures.REMIND;
import static io.relais.activity.ActivityFixtures.REQUEST;
import static io.relais.organisation.TestOrganisation.STEWARD;
import static io.relais.activity.ActivityFixtures.SUBJECT;
import static io.relais.activity.ActivityFixtures.SYSTEM;
import static io.relais.organisation.TestOrganisation.UNKNOWN;
import static io.relais.activity.ActivityFixtures.activityFixture;
import static io.relais.activity.ActivityFixtures.as;
import static io.relais.common.CommandFixtures.as;
import static io.relais.activity.ActivityFixtures.cancelled;
import static io.relais.activity.ActivityFixtures.completed;
import static io.relais.activity.ActivityFixtures.deadline;
import static io.relais.activity.ActivityFixtures.deadlineNamed;
import static io.relais.activity.ActivityFixtures.forbidden;
import static io.relais.activity.ActivityFixtures.invalidField;
import static io.relais.activity.ActivityFixtures.invalidTransition;
import static io.relais.activity.ActivityFixtures.logged;
import static io.relais.activity.ActivityFixtures.notFound;
import static io.relais.activity.ActivityFixtures.only;
import static io.relais.activity.ActivityFixtures.recordedBySystem;
import static io.relais.activity.ActivityFixtures.refusedAsLogged;
import static io.relais.activity.ActivityFixtures.scheduleTask;
import static io.relais.activity.ActivityFixtures.scheduleTaskInRequest;
import static io.relais.activity.ActivityFixtures.scheduled;
import static io.relais.activity.ActivityFixtures.scheduledInRequest;
import static io.relais.activity.ActivityFixtures.with;
import static io.relais.common.RefusalMatchers.staleVersion;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.hamcrest.Matchers.containsString;

/**
 * Fixture tests of the activity aggregate, over the organisation and clock of {@link ActivityFixtures} (who is who
 * is charted there). Unless a test names the actor, commands are sent by OWNER, the sales rep who logged or is
 * assigned the activity of most histories here.
 */
class ActivityTest {

    private FixtureConfiguration<Activity> fixture;

    @BeforeEach
    void setUp() {
        fixture = activityFixture();
    }

    // ---------------------------------------------------------------------------------------------------------
    // LogActivity
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Log {

        @Test
        void recordsACallThatHappenedAsDoneByTheActor() {
            fixture.givenNoPriorActivity()
                    .when(new LogActivity(ACTIVITY_ID, ActivityKind.CALL, CALL_SUBJECT, "Asked for prices", LINKS,
                            EARLIER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ActivityLogged(ACTIVITY_ID, ActivityKind.CALL, CALL_SUBJECT, "Asked for prices",
                            LINKS, EARLIER, OWNER));
        }

        @Test
        void answersWithTheActivityIdentifier() {
            fixture.givenNoPriorActivity()
                    .when(log(ActivityKind.CALL, EARLIER))
                    .expectResultMessagePayload(ACTIVITY_ID);
        }

        @ParameterizedTest
        @EnumSource(value = ActivityKind.class, names = {"CALL", "EMAIL", "NOTE", "MEETING"})
        void recordsEveryKindThatHappens(ActivityKind kind) {
            fixture.givenNoPriorActivity()
                    .when(log(kind, EARLIER))
                    .expectEvents(new ActivityLogged(ACTIVITY_ID, kind, CALL_SUBJECT, null, LINKS, EARLIER, OWNER));
        }

        @Test
        void happenedNowWhenNotTold() {
            fixture.givenNoPriorActivity()
                    .when(log(ActivityKind.NOTE, null))
                    .expectEvents(new ActivityLogged(ACTIVITY_ID, ActivityKind.NOTE, CALL_SUBJECT, null, LINKS, NOW,
                            OWNER));
        }

        @Test
        void mayHaveHappenedJustNow() {
            fixture.givenNoPriorActivity()
                    .when(log(ActivityKind.CALL, NOW))
                    .expectEvents(new ActivityLogged(ACTIVITY_ID, ActivityKind.CALL, CALL_SUBJECT, null, LINKS, NOW,
                            OWNER));
        }

        @Test
        void refusesWhatHasNotHappenedYet() {
            fixture.givenNoPriorActivity()
                    .when(log(ActivityKind.CALL, NOW.plusSeconds(1)))
                    .expectNoEvents()
                    .expectException(invalidField("occurredAt", "date-in-future"));
        }

        @Test
        void schedulesNoDeadline() {
            fixture.givenNoPriorActivity()
                    .when(log(ActivityKind.MEETING, EARLIER))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void validatesAndNormalisesTheFields() {
            fixture.givenNoPriorActivity()
                    .when(new LogActivity(ACTIVITY_ID, ActivityKind.EMAIL, "  Inbound call\t", "   ",
                            new ActivityLinks(" account-7 ", "", " opportunity-3"), EARLIER))
                    .expectEvents(new ActivityLogged(ACTIVITY_ID, ActivityKind.EMAIL, CALL_SUBJECT, null,
                            new ActivityLinks(ACCOUNT_ID, null, OPPORTUNITY_ID), EARLIER, OWNER));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.activity.ActivityTest#linksOfOneRecord")
        void mayBeAboutOneRecordOnly(String name, ActivityLinks links) {
            fixture.givenNoPriorActivity()
                    .when(new LogActivity(ACTIVITY_ID, ActivityKind.NOTE, CALL_SUBJECT, null, links, EARLIER))
                    .expectEvents(new ActivityLogged(ACTIVITY_ID, ActivityKind.NOTE, CALL_SUBJECT, null, links,
                            EARLIER, OWNER));
        }

        @ParameterizedTest(name = "{0}: {1} {2}")
        @MethodSource("io.relais.activity.ActivityTest#invalidLogs")
        void refusesInvalidFields(String name, String field, String code, LogActivity command) {
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectNoEvents()
                    .expectException(invalidField(field, code));
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, MANAGER, ADMIN})
        void isRecordedAsLoggedByTheActor(String actor) {
            fixture.givenNoPriorActivity()
                    .when(log(ActivityKind.CALL, EARLIER), as(actor))
                    .expectEvents(new ActivityLogged(ACTIVITY_ID, ActivityKind.CALL, CALL_SUBJECT, null, LINKS,
                            EARLIER, actor));
        }

        @Test
        void hasNoOwnerWhenTheSystemLogsIt() {
            fixture.givenNoPriorActivity()
                    .when(log(ActivityKind.NOTE, EARLIER), as(SYSTEM))
                    .expectEvents(new ActivityLogged(ACTIVITY_ID, ActivityKind.NOTE, CALL_SUBJECT, null, LINKS,
                            EARLIER, null));
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST, STEWARD, FORMER, UNKNOWN})
        void refusesWhoMayNotCreateRecords(String actor) {
            fixture.givenNoPriorActivity()
                    .when(log(ActivityKind.CALL, EARLIER), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void refusesAReadOnlyActorBeforeLookingAtTheFields() {
            fixture.givenNoPriorActivity()
                    .when(log(ActivityKind.TASK, NOW.plusSeconds(60)), as(AUDITOR))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        private LogActivity log(ActivityKind kind, Instant occurredAt) {
            return new LogActivity(ACTIVITY_ID, kind, CALL_SUBJECT, null, LINKS, occurredAt);
        }
    }

    static Stream<Arguments> linksOfOneRecord() {
        return Stream.of(
                Arguments.of("an account", new ActivityLinks(ACCOUNT_ID, null, null)),
                Arguments.of("a contact", new ActivityLinks(null, CONTACT_ID, null)),
                Arguments.of("a deal", new ActivityLinks(null, null, OPPORTUNITY_ID)));
    }

    static Stream<Arguments> invalidLogs() {
        return Stream.of(
                Arguments.of("no id", "activityId", "invalid-identifier", logWith(null, ActivityKind.CALL, CALL_SUBJECT,
                        null, LINKS)),
                Arguments.of("padded id", "activityId", "invalid-identifier", logWith(" activity-1",
                        ActivityKind.CALL, CALL_SUBJECT, null, LINKS)),
                Arguments.of("id with a space", "activityId", "invalid-identifier", logWith("activity 1",
                        ActivityKind.CALL, CALL_SUBJECT, null, LINKS)),
                Arguments.of("no kind", "kind", "required", logWith(ACTIVITY_ID, null, CALL_SUBJECT, null, LINKS)),
                Arguments.of("a task", "kind", "invalid-value", logWith(ACTIVITY_ID, ActivityKind.TASK, CALL_SUBJECT,
                        null, LINKS)),
                Arguments.of("no subject", "subject", "required", logWith(ACTIVITY_ID, ActivityKind.CALL, null, null,
                        LINKS)),
                Arguments.of("blank subject", "subject", "required", logWith(ACTIVITY_ID, ActivityKind.CALL, " \t",
                        null, LINKS)),
                Arguments.of("long subject", "subject", "too-long", logWith(ACTIVITY_ID, ActivityKind.CALL,
                        "x".repeat(201), null, LINKS)),
                Arguments.of("control character in the subject", "subject", "invalid-characters",
                        logWith(ACTIVITY_ID, ActivityKind.CALL, "Inbound\u0007call", null, LINKS)),
                Arguments.of("long notes", "notes", "too-long", logWith(ACTIVITY_ID, ActivityKind.CALL, CALL_SUBJECT,
                        "x".repeat(4001), LINKS)),
                Arguments.of("no links", "accountId", "required", logWith(ACTIVITY_ID, ActivityKind.CALL,
                        CALL_SUBJECT, null, null)),
                Arguments.of("blank links", "accountId", "required", logWith(ACTIVITY_ID, ActivityKind.CALL,
                        CALL_SUBJECT, null, new ActivityLinks(" ", "", null))),
                Arguments.of("bad account id", "accountId", "invalid-identifier", logWith(ACTIVITY_ID,
                        ActivityKind.CALL, CALL_SUBJECT, null, new ActivityLinks("account 7", null, null))),
                Arguments.of("bad contact id", "contactId", "invalid-identifier", logWith(ACTIVITY_ID,
                        ActivityKind.CALL, CALL_SUBJECT, null, new ActivityLinks(ACCOUNT_ID, "contact/1", null))),
                Arguments.of("bad deal id", "opportunityId", "invalid-identifier", logWith(ACTIVITY_ID,
                        ActivityKind.CALL, CALL_SUBJECT, null, new ActivityLinks(null, null, "deal #3"))),
                Arguments.of("half a surrogate pair in the subject", "subject", "invalid-characters",
                        logWith(ACTIVITY_ID, ActivityKind.CALL, "Inbound call\ud83d", null, LINKS)),
                Arguments.of("occurred before 1900", "occurredAt", "out-of-range", new LogActivity(ACTIVITY_ID,
                        ActivityKind.CALL, CALL_SUBJECT, null, LINKS, Instant.parse("1899-12-31T23:59:59Z"))),
                Arguments.of("occurred in the year -999999999", "occurredAt", "out-of-range", new LogActivity(
                        ACTIVITY_ID, ActivityKind.CALL, CALL_SUBJECT, null, LINKS,
                        Instant.parse("-999999999-01-01T00:00:00Z"))),
                Arguments.of("occurred at Java's earliest instant", "occurredAt", "out-of-range", new LogActivity(
                        ACTIVITY_ID, ActivityKind.CALL, CALL_SUBJECT, null, LINKS, Instant.MIN)));
    }

    private static LogActivity logWith(String activityId, ActivityKind kind, String subject, String notes,
                                       ActivityLinks links) {
        return new LogActivity(activityId, kind, subject, notes, links, EARLIER);
    }

    // ---------------------------------------------------------------------------------------------------------
    // ScheduleActivity
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Schedule {

        @Test
        void plansATaskForTheActor() {
            fixture.givenNoPriorActivity()
                    .when(scheduleTask())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(scheduled());
        }

        @Test
        void answersWithTheActivityIdentifier() {
            fixture.givenNoPriorActivity()
                    .when(scheduleTask())
                    .expectResultMessagePayload(ACTIVITY_ID);
        }

        @Test
        void plansAMeeting() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleActivity(ACTIVITY_ID, ActivityKind.MEETING, "Visit", null, LINKS, DUE, null,
                            null))
                    .expectEvents(new ActivityScheduled(ACTIVITY_ID, ActivityKind.MEETING, "Visit", null, LINKS, DUE,
                            OWNER, null));
        }

        @Test
        void schedulesTheReminderAndTheOverdueAlert() {
            fixture.givenNoPriorActivity()
                    .when(scheduleTask())
                    .expectScheduledDeadlineMatching(REMIND, deadline(REMINDER, OWNER, null))
                    .expectScheduledDeadlineMatching(DUE, deadline(OVERDUE, OWNER, null));
        }

        @Test
        void schedulesThemInTheRequestThatPlannedTheTask() {
            fixture.givenNoPriorActivity()
                    .when(scheduleTask(), as(OWNER, REQUEST))
                    .expectScheduledDeadlineMatching(REMIND, deadline(REMINDER, OWNER, REQUEST))
                    .expectScheduledDeadlineMatching(DUE, deadline(OVERDUE, OWNER, REQUEST));
        }

        @Test
        void schedulesThemOnBehalfOfTheAssigneeRatherThanTheActor() {
            fixture.givenNoPriorActivity()
                    .when(scheduleFor(OWNER), as(MANAGER))
                    .expectScheduledDeadlineMatching(REMIND, deadline(REMINDER, OWNER, null))
                    .expectScheduledDeadlineMatching(DUE, deadline(OVERDUE, OWNER, null));
        }

        @Test
        void schedulesNoReminderWhenNoneIsAsked() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleActivity(ACTIVITY_ID, ActivityKind.TASK, SUBJECT, NOTES, LINKS, DUE, null, null))
                    .expectEvents(scheduled(DUE, null))
                    .expectScheduledDeadlineMatching(DUE, deadline(OVERDUE, OWNER, null))
                    .expectNoScheduledDeadlineMatching(deadlineNamed(REMINDER));
        }

        @Test
        void acceptsAReminderJustBeforeTheDueTime() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleActivity(ACTIVITY_ID, ActivityKind.TASK, SUBJECT, NOTES, LINKS, DUE, null,
                            DUE.minusMillis(1)))
                    .expectEvents(scheduled(DUE, DUE.minusMillis(1)))
                    .expectScheduledDeadlineMatching(DUE.minusMillis(1), deadline(REMINDER, OWNER, null));
        }

        @Test
        void validatesAndNormalisesTheFields() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleActivity(ACTIVITY_ID, ActivityKind.TASK, " Send the quote ", " ",
                            new ActivityLinks(null, " contact-1", " "), DUE, "  rep ", null), as(MANAGER))
                    .expectEvents(new ActivityScheduled(ACTIVITY_ID, ActivityKind.TASK, SUBJECT, null,
                            new ActivityLinks(null, CONTACT_ID, null), DUE, OWNER, null));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void givesATaskWithoutAnAssigneeToTheActor(String assigneeId) {
            fixture.givenNoPriorActivity()
                    .when(scheduleFor(assigneeId), as(MANAGER))
                    .expectEvents(scheduledFor(MANAGER))
                    .expectScheduledDeadlineMatching(DUE, deadline(OVERDUE, MANAGER, null));
        }

        @ParameterizedTest(name = "{0} for {1}")
        @MethodSource("io.relais.activity.ActivityTest#assigneesInReach")
        void acceptsAnAssigneeInTheActorsReach(String actor, String assignee) {
            fixture.givenNoPriorActivity()
                    .when(scheduleFor(assignee), as(actor))
                    .expectEvents(scheduledFor(assignee))
                    .expectScheduledDeadlineMatching(REMIND, deadline(REMINDER, assignee, null));
        }

        @ParameterizedTest(name = "{0} for {1}")
        @MethodSource("io.relais.activity.ActivityTest#assigneesOutOfReach")
        void refusesAnAssigneeOutOfTheActorsReach(String actor, String assignee) {
            fixture.givenNoPriorActivity()
                    .when(scheduleFor(assignee), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden())
                    .expectNoScheduledDeadlines();
        }

        @ParameterizedTest(name = "{0} for {1}")
        @MethodSource("io.relais.activity.ActivityTest#assigneesWhoAreNotActiveUsers")
        void refusesAnAssigneeWhoIsNotAnActiveUser(String actor, String assignee) {
            fixture.givenNoPriorActivity()
                    .when(scheduleFor(assignee), as(actor))
                    .expectNoEvents()
                    .expectException(invalidField("assigneeId", "unknown-owner"));
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST, STEWARD})
        void refusesAnAssigneeWhoseProfileCannotOwnRecords(String assignee) {
            fixture.givenNoPriorActivity()
                    .when(scheduleFor(assignee), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("assigneeId", "owner-cannot-own-records"));
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST, STEWARD, FORMER, UNKNOWN})
        void refusesWhoMayNotCreateRecords(String actor) {
            fixture.givenNoPriorActivity()
                    .when(scheduleTask(), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden())
                    .expectNoScheduledDeadlines();
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST, STEWARD, FORMER, UNKNOWN})
        void refusesWhoMayNotAssignRecordsEvenToThemselves(String actor) {
            fixture.givenNoPriorActivity()
                    .when(scheduleFor(actor), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void refusesAReadOnlyActorBeforeLookingAtTheFields() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleActivity(ACTIVITY_ID, ActivityKind.CALL, null, null, null, null, null, null),
                            as(ANALYST))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void letsTheSystemPlanATaskForAnAssignee() {
            fixture.givenNoPriorActivity()
                    .when(scheduleFor(OWNER), as(SYSTEM))
                    .expectEvents(scheduled())
                    .expectScheduledDeadlineMatching(DUE, deadline(OVERDUE, OWNER, null));
        }

        @Test
        void refusesTheSystemATaskWithoutAnAssignee() {
            fixture.givenNoPriorActivity()
                    .when(scheduleTask(), as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidField("assigneeId", "invalid-user-id"))
                    .expectNoScheduledDeadlines();
        }

        @ParameterizedTest(name = "{0}: {1} {2}")
        @MethodSource("io.relais.activity.ActivityTest#invalidSchedules")
        void refusesInvalidFieldsAndSchedulesNothing(String name, String field, String code,
                                                      ScheduleActivity command) {
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectNoEvents()
                    .expectException(invalidField(field, code))
                    .expectNoScheduledDeadlines();
        }

        private ScheduleActivity scheduleFor(String assigneeId) {
            return new ScheduleActivity(ACTIVITY_ID, ActivityKind.TASK, SUBJECT, NOTES, LINKS, DUE, assigneeId,
                    REMIND);
        }

        private ActivityScheduled scheduledFor(String assigneeId) {
            return new ActivityScheduled(ACTIVITY_ID, ActivityKind.TASK, SUBJECT, NOTES, LINKS, DUE, assigneeId,
                    REMIND);
        }
    }

    static Stream<Arguments> assigneesInReach() {
        return Stream.of(Arguments.of(OWNER, OWNER), Arguments.of(MANAGER, OWNER), Arguments.of(MANAGER, MANAGER),
                Arguments.of(MANAGER, PEER), Arguments.of(DIRECTOR, OTHER_REP), Arguments.of(ADMIN, OTHER_REP),
                Arguments.of(ADMIN, ADMIN), Arguments.of(SYSTEM, OTHER_MANAGER));
    }

    static Stream<Arguments> assigneesOutOfReach() {
        return Stream.of(Arguments.of(OWNER, PEER), Arguments.of(OWNER, MANAGER), Arguments.of(MANAGER, OTHER_REP),
                Arguments.of(MANAGER, DIRECTOR), Arguments.of(OTHER_MANAGER, OWNER));
    }

    static Stream<Arguments> assigneesWhoAreNotActiveUsers() {
        return Stream.of(Arguments.of(ADMIN, UNKNOWN), Arguments.of(ADMIN, FORMER), Arguments.of(SYSTEM, UNKNOWN),
                Arguments.of(SYSTEM, FORMER));
    }

    static Stream<Arguments> invalidSchedules() {
        return Stream.of(
                Arguments.of("no id", "activityId", "invalid-identifier", scheduleWith(null, ActivityKind.TASK,
                        SUBJECT, LINKS, DUE, REMIND, null)),
                Arguments.of("padded id", "activityId", "invalid-identifier", scheduleWith("activity-1 ",
                        ActivityKind.TASK, SUBJECT, LINKS, DUE, REMIND, null)),
                Arguments.of("no kind", "kind", "required", scheduleWith(ACTIVITY_ID, null, SUBJECT, LINKS, DUE,
                        REMIND, null)),
                Arguments.of("a call", "kind", "invalid-value", scheduleWith(ACTIVITY_ID, ActivityKind.CALL, SUBJECT,
                        LINKS, DUE, REMIND, null)),
                Arguments.of("an e-mail", "kind", "invalid-value", scheduleWith(ACTIVITY_ID, ActivityKind.EMAIL,
                        SUBJECT, LINKS, DUE, REMIND, null)),
                Arguments.of("a note", "kind", "invalid-value", scheduleWith(ACTIVITY_ID, ActivityKind.NOTE,
                        SUBJECT, LINKS, DUE, REMIND, null)),
                Arguments.of("no due time", "dueAt", "required", scheduleWith(ACTIVITY_ID, ActivityKind.TASK,
                        SUBJECT, LINKS, null, null, null)),
                Arguments.of("reminder at the due time", "remindAt", "invalid-range", scheduleWith(ACTIVITY_ID,
                        ActivityKind.TASK, SUBJECT, LINKS, DUE, DUE, null)),
                Arguments.of("reminder after the due time", "remindAt", "invalid-range", scheduleWith(ACTIVITY_ID,
                        ActivityKind.MEETING, SUBJECT, LINKS, DUE, DUE.plusSeconds(60), null)),
                Arguments.of("no subject", "subject", "required", scheduleWith(ACTIVITY_ID, ActivityKind.TASK, " ",
                        LINKS, DUE, REMIND, null)),
                Arguments.of("long subject", "subject", "too-long", scheduleWith(ACTIVITY_ID, ActivityKind.TASK,
                        "x".repeat(201), LINKS, DUE, REMIND, null)),
                Arguments.of("no links", "accountId", "required", scheduleWith(ACTIVITY_ID, ActivityKind.TASK,
                        SUBJECT, null, DUE, REMIND, null)),
                Arguments.of("blank links", "accountId", "required", scheduleWith(ACTIVITY_ID, ActivityKind.TASK,
                        SUBJECT, new ActivityLinks(null, " ", ""), DUE, REMIND, null)),
                Arguments.of("bad contact id", "contactId", "invalid-identifier", scheduleWith(ACTIVITY_ID,
                        ActivityKind.TASK, SUBJECT, new ActivityLinks(null, "contact 1", null), DUE, REMIND, null)),
                Arguments.of("upper-case assignee", "assigneeId", "invalid-user-id", scheduleWith(ACTIVITY_ID,
                        ActivityKind.TASK, SUBJECT, LINKS, DUE, REMIND, "Rep")),
                Arguments.of("one-letter assignee", "assigneeId", "invalid-user-id", scheduleWith(ACTIVITY_ID,
                        ActivityKind.TASK, SUBJECT, LINKS, DUE, REMIND, "r")),
                Arguments.of("system as assignee", "assigneeId", "invalid-user-id", scheduleWith(ACTIVITY_ID,
                        ActivityKind.TASK, SUBJECT, LINKS, DUE, REMIND, SYSTEM)),
                Arguments.of("long notes", "notes", "too-long", new ScheduleActivity(ACTIVITY_ID, ActivityKind.TASK,
                        SUBJECT, "x".repeat(4001), LINKS, DUE, null, REMIND)),
                Arguments.of("half a surrogate pair in the notes", "notes", "invalid-characters", new ScheduleActivity(
                        ACTIVITY_ID, ActivityKind.TASK, SUBJECT, "\udc00 to bring", LINKS, DUE, null, REMIND)),
                Arguments.of("due in 3000", "dueAt", "out-of-range", scheduleWith(ACTIVITY_ID, ActivityKind.TASK,
                        SUBJECT, LINKS, Instant.parse("3000-01-01T00:00:00Z"), null, null)),
                Arguments.of("due in the year +999999999", "dueAt", "out-of-range", scheduleWith(ACTIVITY_ID,
                        ActivityKind.MEETING, SUBJECT, LINKS, Instant.parse("+999999999-12-31T00:00:00Z"), REMIND,
                        null)),
                Arguments.of("reminder before 1900", "remindAt", "out-of-range", scheduleWith(ACTIVITY_ID,
                        ActivityKind.TASK, SUBJECT, LINKS, DUE, Instant.parse("1899-12-31T23:59:59Z"), null)));
    }

    private static ScheduleActivity scheduleWith(String activityId, ActivityKind kind, String subject,
                                                 ActivityLinks links, Instant dueAt, Instant remindAt,
                                                 String assigneeId) {
        return new ScheduleActivity(activityId, kind, subject, null, links, dueAt, assigneeId, remindAt);
    }

    // ---------------------------------------------------------------------------------------------------------
    // CompleteActivity
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Complete {

        @Test
        void marksTheTaskDoneWithItsOutcome() {
            fixture.given(scheduled())
                    .when(new CompleteActivity(ACTIVITY_ID, "Quote sent", null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ActivityCompleted(ACTIVITY_ID, "Quote sent", NOW, false))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void marksAMeetingHeld() {
            fixture.given(new ActivityScheduled(ACTIVITY_ID, ActivityKind.MEETING, "Visit", null, LINKS, DUE, OWNER,
                            null))
                    .when(new CompleteActivity(ACTIVITY_ID, null, null))
                    .expectEvents(new ActivityCompleted(ACTIVITY_ID, null, NOW, false));
        }

        @Test
        void isOverdueWhenDoneAfterTheDueTime() {
            fixture.given(scheduled(NOW.minusSeconds(1), null))
                    .when(new CompleteActivity(ACTIVITY_ID, "Quote sent", null))
                    .expectEvents(new ActivityCompleted(ACTIVITY_ID, "Quote sent", NOW, true));
        }

        @Test
        void isOnTimeWhenDoneAtTheDueTime() {
            fixture.given(scheduled(NOW, null))
                    .when(new CompleteActivity(ACTIVITY_ID, "Quote sent", null))
                    .expectEvents(new ActivityCompleted(ACTIVITY_ID, "Quote sent", NOW, false));
        }

        @Test
        void isOnTimeWhenDoneAfterARescheduleToALaterTime() {
            fixture.given(scheduled(NOW.minusSeconds(3600), null),
                            new ActivityRescheduled(ACTIVITY_ID, NOW.minusSeconds(3600), LATER_DUE, null))
                    .when(new CompleteActivity(ACTIVITY_ID, null, null))
                    .expectEvents(new ActivityCompleted(ACTIVITY_ID, null, NOW, false))
                    .expectResultMessagePayload(2L);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" \n "})
        void recordsABlankOutcomeAsNone(String outcome) {
            fixture.given(scheduled())
                    .when(new CompleteActivity(ACTIVITY_ID, outcome, null))
                    .expectEvents(new ActivityCompleted(ACTIVITY_ID, null, NOW, false));
        }

        @Test
        void trimsTheOutcome() {
            fixture.given(scheduled())
                    .when(new CompleteActivity(ACTIVITY_ID, "  Quote sent\n", null))
                    .expectEvents(new ActivityCompleted(ACTIVITY_ID, "Quote sent", NOW, false));
        }

        @Test
        void refusesALongOutcome() {
            fixture.given(scheduled())
                    .when(new CompleteActivity(ACTIVITY_ID, "x".repeat(2001), null))
                    .expectNoEvents()
                    .expectException(invalidField("outcome", "too-long"));
        }

        @Test
        void refusesAnOutcomeWithControlCharacters() {
            fixture.given(scheduled())
                    .when(new CompleteActivity(ACTIVITY_ID, "Quote\u0000sent", null))
                    .expectNoEvents()
                    .expectException(invalidField("outcome", "invalid-characters"));
        }

        @Test
        void cancelsTheReminderAndTheOverdueAlert() {
            fixture.givenCommands(scheduleTask())
                    .when(new CompleteActivity(ACTIVITY_ID, "Quote sent", null))
                    .expectEvents(new ActivityCompleted(ACTIVITY_ID, "Quote sent", NOW, false))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void keepsTheDeadlinesWhenRefused() {
            fixture.givenCommands(scheduleTask())
                    .when(new CompleteActivity(ACTIVITY_ID, "Quote sent", null), as(PEER))
                    .expectException(notFound())
                    .expectScheduledDeadlineWithName(REMIND, REMINDER)
                    .expectScheduledDeadlineWithName(DUE, OVERDUE);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // CancelActivity
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Cancel {

        @Test
        void cancelsTheTask() {
            fixture.given(scheduled())
                    .when(new CancelActivity(ACTIVITY_ID, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ActivityCancelled(ACTIVITY_ID))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void cancelsAnOverdueTask() {
            fixture.given(scheduled(EARLIER, null), new ActivityOverdue(ACTIVITY_ID, OWNER, EARLIER))
                    .when(new CancelActivity(ACTIVITY_ID, null))
                    .expectEvents(new ActivityCancelled(ACTIVITY_ID))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void cancelsTheReminderAndTheOverdueAlert() {
            fixture.givenCommands(scheduleTask())
                    .when(new CancelActivity(ACTIVITY_ID, null))
                    .expectEvents(new ActivityCancelled(ACTIVITY_ID))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void keepsTheDeadlinesWhenRefused() {
            fixture.givenCommands(scheduleTask())
                    .when(new CancelActivity(ACTIVITY_ID, null), as(AUDITOR))
                    .expectException(forbidden())
                    .expectScheduledDeadlineWithName(REMIND, REMINDER)
                    .expectScheduledDeadlineWithName(DUE, OVERDUE);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // RescheduleActivity
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Reschedule {

        @Test
        void movesTheTaskAndItsReminder() {
            fixture.given(scheduled())
                    .when(new RescheduleActivity(ACTIVITY_ID, LATER_DUE, LATER_REMIND, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ActivityRescheduled(ACTIVITY_ID, DUE, LATER_DUE, LATER_REMIND))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void recordsTheDueTimeItMovedFromEachTime() {
            fixture.given(scheduled(), new ActivityRescheduled(ACTIVITY_ID, DUE, LATER_DUE, null))
                    .when(new RescheduleActivity(ACTIVITY_ID, DUE, REMIND, null))
                    .expectEvents(new ActivityRescheduled(ACTIVITY_ID, LATER_DUE, DUE, REMIND))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void mayMoveItEarlier() {
            fixture.given(scheduled(LATER_DUE, LATER_REMIND))
                    .when(new RescheduleActivity(ACTIVITY_ID, DUE, null, null))
                    .expectEvents(new ActivityRescheduled(ACTIVITY_ID, LATER_DUE, DUE, null));
        }

        @Test
        void reschedulesTheReminderAndTheOverdueAlert() {
            fixture.givenCommands(scheduleTask())
                    .when(new RescheduleActivity(ACTIVITY_ID, LATER_DUE, LATER_REMIND, null))
                    .expectScheduledDeadlineMatching(LATER_REMIND, deadline(REMINDER, OWNER, null))
                    .expectScheduledDeadlineMatching(LATER_DUE, deadline(OVERDUE, OWNER, null))
                    .expectNoScheduledDeadlineWithName(REMIND, REMINDER)
                    .expectNoScheduledDeadlineWithName(DUE, OVERDUE);
        }

        @Test
        void dropsTheReminderWhenNoneIsGiven() {
            fixture.givenCommands(scheduleTask())
                    .when(new RescheduleActivity(ACTIVITY_ID, LATER_DUE, null, null))
                    .expectEvents(new ActivityRescheduled(ACTIVITY_ID, DUE, LATER_DUE, null))
                    .expectScheduledDeadlineMatching(LATER_DUE, deadline(OVERDUE, OWNER, null))
                    .expectNoScheduledDeadlineMatching(deadlineNamed(REMINDER))
                    .expectNoScheduledDeadlineWithName(DUE, OVERDUE);
        }

        @Test
        void addsAReminderToATaskThatHadNone() {
            fixture.givenCommands(new ScheduleActivity(ACTIVITY_ID, ActivityKind.TASK, SUBJECT, NOTES, LINKS, DUE,
                            null, null))
                    .when(new RescheduleActivity(ACTIVITY_ID, DUE, REMIND, null))
                    .expectEvents(new ActivityRescheduled(ACTIVITY_ID, DUE, DUE, REMIND))
                    .expectScheduledDeadlineMatching(REMIND, deadline(REMINDER, OWNER, null))
                    .expectScheduledDeadlineMatching(DUE, deadline(OVERDUE, OWNER, null));
        }

        @Test
        void keepsTheRequestThatPlannedTheTask() {
            fixture.givenCommands(scheduleTaskInRequest())
                    .when(new RescheduleActivity(ACTIVITY_ID, LATER_DUE, LATER_REMIND, null), as(OWNER, OTHER_REQUEST))
                    .expectScheduledDeadlineMatching(LATER_REMIND, deadline(REMINDER, OWNER, REQUEST))
                    .expectScheduledDeadlineMatching(LATER_DUE, deadline(OVERDUE, OWNER, REQUEST));
        }

        @Test
        void readsTheRequestThatPlannedTheTaskFromItsHistory() {
            fixture.given(scheduledInRequest())
                    .when(new RescheduleActivity(ACTIVITY_ID, LATER_DUE, LATER_REMIND, null), as(OWNER, OTHER_REQUEST))
                    .expectScheduledDeadlineMatching(LATER_REMIND, deadline(REMINDER, OWNER, REQUEST))
                    .expectScheduledDeadlineMatching(LATER_DUE, deadline(OVERDUE, OWNER, REQUEST));
        }

        @Test
        void requiresADueTime() {
            fixture.givenCommands(scheduleTask())
                    .when(new RescheduleActivity(ACTIVITY_ID, null, null, null))
                    .expectNoEvents()
                    .expectException(invalidField("dueAt", "required"))
                    .expectScheduledDeadlineWithName(REMIND, REMINDER)
                    .expectScheduledDeadlineWithName(DUE, OVERDUE);
        }

        @ParameterizedTest
        @CsvSource({"3000-01-01T00:00:00Z, , dueAt", "+999999999-12-31T00:00:00Z, 2026-03-20T09:00:00Z, dueAt",
                "2026-03-20T09:00:00Z, 1899-12-31T23:59:59.999Z, remindAt",
                "2026-03-20T09:00:00Z, -999999999-01-01T00:00:00Z, remindAt"})
        void refusesTimesOutsideTheYears1900To2999(Instant dueAt, Instant remindAt, String field) {
            fixture.givenCommands(scheduleTask())
                    .when(new RescheduleActivity(ACTIVITY_ID, dueAt, remindAt, null))
                    .expectNoEvents()
                    .expectException(invalidField(field, "out-of-range"))
                    .expectScheduledDeadlineWithName(REMIND, REMINDER)
                    .expectScheduledDeadlineWithName(DUE, OVERDUE);
        }

        @ParameterizedTest
        @ValueSource(longs = {0, 1, 3600})
        void refusesAReminderAtOrAfterTheDueTime(long secondsAfterDue) {
            fixture.givenCommands(scheduleTask())
                    .when(new RescheduleActivity(ACTIVITY_ID, LATER_DUE, LATER_DUE.plusSeconds(secondsAfterDue),
                            null))
                    .expectNoEvents()
                    .expectException(invalidField("remindAt", "invalid-range"))
                    .expectScheduledDeadlineWithName(REMIND, REMINDER)
                    .expectScheduledDeadlineWithName(DUE, OVERDUE);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // ReassignActivity
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Reassign {

        @Test
        void givesTheTaskToSomeoneElse() {
            fixture.given(scheduled())
                    .when(new ReassignActivity(ACTIVITY_ID, PEER, null), as(MANAGER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ActivityReassigned(ACTIVITY_ID, PEER, OWNER))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void letsTheAssigneeGiveItUp() {
            fixture.given(scheduled())
                    .when(new ReassignActivity(ACTIVITY_ID, MANAGER, null), as(MANAGER))
                    .expectEvents(new ActivityReassigned(ACTIVITY_ID, MANAGER, OWNER));
        }

        @Test
        void trimsTheAssigneeId() {
            fixture.given(scheduled())
                    .when(new ReassignActivity(ACTIVITY_ID, " peer\t", null), as(MANAGER))
                    .expectEvents(new ActivityReassigned(ACTIVITY_ID, PEER, OWNER));
        }

        @Test
        void reschedulesTheDeadlinesOnBehalfOfTheNewAssignee() {
            fixture.givenCommands(scheduleTaskInRequest())
                    .when(new ReassignActivity(ACTIVITY_ID, PEER, null), as(MANAGER, OTHER_REQUEST))
                    .expectScheduledDeadlineMatching(REMIND, deadline(REMINDER, PEER, REQUEST))
                    .expectScheduledDeadlineMatching(DUE, deadline(OVERDUE, PEER, REQUEST))
                    .expectNoScheduledDeadlineMatching(deadline(REMINDER, OWNER, REQUEST))
                    .expectNoScheduledDeadlineMatching(deadline(OVERDUE, OWNER, REQUEST));
        }

        @Test
        void changesNothingWhenGivenToTheCurrentAssignee() {
            fixture.givenCommands(scheduleTask())
                    .when(new ReassignActivity(ACTIVITY_ID, OWNER, null), as(MANAGER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(0L)
                    .expectScheduledDeadlineMatching(REMIND, deadline(REMINDER, OWNER, null))
                    .expectScheduledDeadlineMatching(DUE, deadline(OVERDUE, OWNER, null));
        }

        @Test
        void reassignsToWhomItWasLastGiven() {
            fixture.given(scheduled(), new ActivityReassigned(ACTIVITY_ID, PEER, OWNER))
                    .when(new ReassignActivity(ACTIVITY_ID, PEER, null), as(MANAGER))
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void givesItBackToTheFormerAssignee() {
            fixture.given(scheduled(), new ActivityReassigned(ACTIVITY_ID, PEER, OWNER))
                    .when(new ReassignActivity(ACTIVITY_ID, OWNER, null), as(MANAGER))
                    .expectEvents(new ActivityReassigned(ACTIVITY_ID, OWNER, PEER))
                    .expectResultMessagePayload(2L);
        }

        @ParameterizedTest(name = "{0} to {1}")
        @MethodSource("io.relais.activity.ActivityTest#reassignmentsInReach")
        void acceptsAnAssigneeInTheActorsReach(String actor, String assignee) {
            fixture.given(scheduled())
                    .when(new ReassignActivity(ACTIVITY_ID, assignee, null), as(actor))
                    .expectEvents(new ActivityReassigned(ACTIVITY_ID, assignee, OWNER));
        }

        @ParameterizedTest(name = "{0} to {1}")
        @MethodSource("io.relais.activity.ActivityTest#reassignmentsOutOfReach")
        void refusesAnAssigneeOutOfTheActorsReach(String actor, String assignee) {
            fixture.givenCommands(scheduleTask())
                    .when(new ReassignActivity(ACTIVITY_ID, assignee, null), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden())
                    .expectScheduledDeadlineMatching(DUE, deadline(OVERDUE, OWNER, null));
        }

        @ParameterizedTest
        @ValueSource(strings = {UNKNOWN, FORMER})
        void refusesAnAssigneeWhoIsNotAnActiveUser(String assignee) {
            fixture.given(scheduled())
                    .when(new ReassignActivity(ACTIVITY_ID, assignee, null), as(ADMIN))
                    .expectNoEvents()
                    .expectException(invalidField("assigneeId", "unknown-owner"));
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST, STEWARD})
        void refusesAnAssigneeWhoseProfileCannotOwnRecords(String assignee) {
            fixture.given(scheduled())
                    .when(new ReassignActivity(ACTIVITY_ID, assignee, null), as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidField("assigneeId", "owner-cannot-own-records"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void requiresAnAssignee(String assignee) {
            fixture.given(scheduled())
                    .when(new ReassignActivity(ACTIVITY_ID, assignee, null), as(MANAGER))
                    .expectNoEvents()
                    .expectException(invalidField("assigneeId", "required"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Peer", "p", "system:reminders", "peer@example.fr"})
        void refusesAnInvalidAssigneeId(String assignee) {
            fixture.given(scheduled())
                    .when(new ReassignActivity(ACTIVITY_ID, assignee, null), as(MANAGER))
                    .expectNoEvents()
                    .expectException(invalidField("assigneeId", "invalid-user-id"));
        }

        @Test
        void leavesTheFormerAssigneeWithoutSightOfIt() {
            fixture.given(scheduled(), new ActivityReassigned(ACTIVITY_ID, OTHER_REP, OWNER))
                    .when(new CompleteActivity(ACTIVITY_ID, null, null), as(OWNER))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @Test
        void givesTheNewAssigneeTheRightToChangeIt() {
            fixture.given(scheduled(), new ActivityReassigned(ACTIVITY_ID, OTHER_REP, OWNER))
                    .when(new CompleteActivity(ACTIVITY_ID, null, null), as(OTHER_MANAGER))
                    .expectEvents(new ActivityCompleted(ACTIVITY_ID, null, NOW, false));
        }
    }

    static Stream<Arguments> reassignmentsInReach() {
        return Stream.of(Arguments.of(MANAGER, PEER), Arguments.of(DIRECTOR, OTHER_REP),
                Arguments.of(DIRECTOR, OTHER_MANAGER), Arguments.of(ADMIN, OTHER_REP), Arguments.of(ADMIN, ADMIN),
                Arguments.of(SYSTEM, OTHER_REP));
    }

    static Stream<Arguments> reassignmentsOutOfReach() {
        return Stream.of(Arguments.of(OWNER, PEER), Arguments.of(OWNER, MANAGER), Arguments.of(MANAGER, OTHER_REP),
                Arguments.of(MANAGER, DIRECTOR));
    }

    // ---------------------------------------------------------------------------------------------------------
    // TransferActivity
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Transfer {

        @Test
        void followsTheMergedAccountToItsSurvivor() {
            fixture.given(scheduled())
                    .when(new TransferActivity(ACTIVITY_ID, OTHER_ACCOUNT_ID, ACCOUNT_ID), as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ActivityTransferred(ACTIVITY_ID, OTHER_ACCOUNT_ID, ACCOUNT_ID))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void changesNothingWhenAlreadyThere() {
            fixture.given(scheduled())
                    .when(new TransferActivity(ACTIVITY_ID, ACCOUNT_ID, ACCOUNT_ID), as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void changesNothingWhenTheMergeIsFollowedAgain() {
            fixture.given(scheduled(), new ActivityTransferred(ACTIVITY_ID, OTHER_ACCOUNT_ID, ACCOUNT_ID))
                    .when(new TransferActivity(ACTIVITY_ID, OTHER_ACCOUNT_ID, ACCOUNT_ID), as(SYSTEM))
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void followsASecondMergeFromWhereItIsNow() {
            fixture.given(scheduled(), new ActivityTransferred(ACTIVITY_ID, OTHER_ACCOUNT_ID, ACCOUNT_ID))
                    .when(new TransferActivity(ACTIVITY_ID, "account-9", OTHER_ACCOUNT_ID), as(SYSTEM))
                    .expectEvents(new ActivityTransferred(ACTIVITY_ID, "account-9", OTHER_ACCOUNT_ID));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.activity.ActivityTest#historiesOfEveryState")
        void movesActivitiesInEveryState(String name, List<Object> history) {
            fixture.given(history)
                    .when(new TransferActivity(ACTIVITY_ID, OTHER_ACCOUNT_ID, ACCOUNT_ID), as(SYSTEM))
                    .expectEvents(new ActivityTransferred(ACTIVITY_ID, OTHER_ACCOUNT_ID, ACCOUNT_ID));
        }

        @Test
        void movesAnActivityAboutAContactAloneFromNoAccount() {
            fixture.given(new ActivityLogged(ACTIVITY_ID, ActivityKind.NOTE, CALL_SUBJECT, null,
                            new ActivityLinks(null, CONTACT_ID, null), EARLIER, OWNER))
                    .when(new TransferActivity(ACTIVITY_ID, OTHER_ACCOUNT_ID, null), as(SYSTEM))
                    .expectEvents(new ActivityTransferred(ACTIVITY_ID, OTHER_ACCOUNT_ID, null));
        }

        @Test
        void leavesTheDeadlinesAlone() {
            fixture.givenCommands(scheduleTask())
                    .when(new TransferActivity(ACTIVITY_ID, OTHER_ACCOUNT_ID, ACCOUNT_ID), as(SYSTEM))
                    .expectScheduledDeadlineMatching(REMIND, deadline(REMINDER, OWNER, null))
                    .expectScheduledDeadlineMatching(DUE, deadline(OVERDUE, OWNER, null));
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, MANAGER, ADMIN, AUDITOR, PEER, UNKNOWN})
        void isSentByTheSystemOnly(String actor) {
            fixture.given(scheduled())
                    .when(new TransferActivity(ACTIVITY_ID, OTHER_ACCOUNT_ID, ACCOUNT_ID), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }
    }

    static Stream<Arguments> historiesOfEveryState() {
        return Stream.of(
                Arguments.of("open", List.of(scheduled())),
                Arguments.of("completed", completed()),
                Arguments.of("cancelled", cancelled()),
                Arguments.of("logged", List.of(logged(ActivityKind.CALL))));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reminders and overdue alerts: deadlines that come due on an open task or meeting
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Deadlines {

        private final List<DeadlineMessage<?>> handled = new ArrayList<>();

        @BeforeEach
        void recordHandledDeadlines() {
            fixture.registerDeadlineHandlerInterceptor((unitOfWork, chain) -> {
                handled.add(unitOfWork.getMessage());
                return chain.proceed();
            });
        }

        @Test
        void remindTheAssigneeWhenTheReminderComesDue() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(scheduleTask())
                    .whenTimeAdvancesTo(REMIND)
                    .expectTriggeredDeadlinesWithName(REMINDER)
                    .expectEvents(new ActivityReminderDue(ACTIVITY_ID, OWNER, DUE))
                    .expectScheduledDeadlineWithName(DUE, OVERDUE);
        }

        @Test
        void doNotComeDueEarly() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(scheduleTask())
                    .whenTimeAdvancesTo(REMIND.minusMillis(1))
                    .expectTriggeredDeadlines()
                    .expectNoEvents();
        }

        @Test
        void alertTheAssigneeWhenTheTaskTurnsOverdue() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(scheduleTask())
                    .whenThenTimeElapses(Duration.between(NOW, DUE))
                    .expectTriggeredDeadlinesWithName(REMINDER, OVERDUE)
                    .expectTriggeredDeadlines(OWNER, OWNER)
                    .expectEvents(new ActivityReminderDue(ACTIVITY_ID, OWNER, DUE),
                            new ActivityOverdue(ACTIVITY_ID, OWNER, DUE))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void onlyAlertOverdueWithoutAReminder() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(new ScheduleActivity(ACTIVITY_ID, ActivityKind.MEETING, "Visit", null, LINKS,
                            DUE, null, null))
                    .whenTimeAdvancesTo(LATER_DUE)
                    .expectTriggeredDeadlinesWithName(OVERDUE)
                    .expectEvents(new ActivityOverdue(ACTIVITY_ID, OWNER, DUE));
        }

        @Test
        void areRecordedAsTheSystemOnBehalfOfTheAssigneeInTheRequestThatPlannedTheTask() {
            ResultValidator<Activity> result = fixture.givenCurrentTime(NOW)
                    .andGivenCommands(scheduleTaskInRequest())
                    .whenTimeAdvancesTo(DUE);

            result.expectEventsMatching(exactSequenceOf(
                    recordedBySystem(new ActivityReminderDue(ACTIVITY_ID, OWNER, DUE), OWNER, REQUEST,
                            only(REMINDER, handled).getIdentifier()),
                    recordedBySystem(new ActivityOverdue(ACTIVITY_ID, OWNER, DUE), OWNER, REQUEST,
                            only(OVERDUE, handled).getIdentifier()),
                    andNoMore()));
        }

        @Test
        void carryNoCorrelationWhenTheRequestHadNone() {
            ResultValidator<Activity> result = fixture.givenCurrentTime(NOW)
                    .andGivenCommands(scheduleTask())
                    .whenTimeAdvancesTo(REMIND);

            result.expectEventsMatching(exactSequenceOf(
                    recordedBySystem(new ActivityReminderDue(ACTIVITY_ID, OWNER, DUE), OWNER, null,
                            only(REMINDER, handled).getIdentifier()),
                    andNoMore()));
        }

        @Test
        void comeDueAtTheNewTimesOfARescheduledTaskWithItsNewDueTime() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(scheduleTask(), new RescheduleActivity(ACTIVITY_ID, LATER_DUE, LATER_REMIND,
                            null))
                    .whenTimeAdvancesTo(LATER_REMIND)
                    .expectTriggeredDeadlinesWithName(REMINDER)
                    .expectEvents(new ActivityReminderDue(ACTIVITY_ID, OWNER, LATER_DUE));
        }

        @Test
        void comeDueNoMoreAtTheFormerTimesOfARescheduledTask() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(scheduleTask(), new RescheduleActivity(ACTIVITY_ID, LATER_DUE, LATER_REMIND,
                            null))
                    .whenTimeAdvancesTo(LATER_REMIND.minusMillis(1))
                    .expectTriggeredDeadlines()
                    .expectNoEvents();
        }

        @Test
        void alertTheNewAssigneeOfAReassignedTask() {
            ResultValidator<Activity> result = fixture.givenCurrentTime(NOW)
                    .andGivenCommands(scheduleTaskInRequest(), new GenericCommandMessage<>(
                            new ReassignActivity(ACTIVITY_ID, PEER, null), as(MANAGER, OTHER_REQUEST)))
                    .whenTimeAdvancesTo(DUE);

            result.expectTriggeredDeadlines(PEER, PEER)
                    .expectEventsMatching(exactSequenceOf(
                            recordedBySystem(new ActivityReminderDue(ACTIVITY_ID, PEER, DUE), PEER, REQUEST,
                                    only(REMINDER, handled).getIdentifier()),
                            recordedBySystem(new ActivityOverdue(ACTIVITY_ID, PEER, DUE), PEER, REQUEST,
                                    only(OVERDUE, handled).getIdentifier()),
                            andNoMore()));
        }

        @Test
        void stopWhenTheTaskIsDone() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(scheduleTask(), new CompleteActivity(ACTIVITY_ID, "Quote sent", null))
                    .whenTimeAdvancesTo(LATER_DUE)
                    .expectTriggeredDeadlines()
                    .expectNoEvents();
        }

        @Test
        void stopWhenTheTaskIsCancelled() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(scheduleTask(), new CancelActivity(ACTIVITY_ID, null))
                    .whenTimeAdvancesTo(LATER_DUE)
                    .expectTriggeredDeadlines()
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.activity.ActivityTest#closings")
        void recordNothingWhenTheyComeDueOnAClosedTask(String name, Object closing) {
            // the deadlines stay scheduled when the closing event is given rather than the command
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(scheduleTask())
                    .andGiven(closing)
                    .whenTimeAdvancesTo(DUE)
                    .expectTriggeredDeadlinesWithName(REMINDER, OVERDUE)
                    .expectNoEvents();
        }
    }

    static Stream<Arguments> closings() {
        return Stream.of(
                Arguments.of("done", new ActivityCompleted(ACTIVITY_ID, "Quote sent", NOW, false)),
                Arguments.of("cancelled", new ActivityCancelled(ACTIVITY_ID)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Closed and logged activities: only open tasks and meetings change
    // ---------------------------------------------------------------------------------------------------------

    /** The changes of a task or meeting; each refused when it is closed or was logged. */
    static Stream<Arguments> changesOfTheActivity() {
        return Stream.of(
                Arguments.of("CompleteActivity", new CompleteActivity(ACTIVITY_ID, "Quote sent", null),
                        new ActivityCompleted(ACTIVITY_ID, "Quote sent", NOW, false)),
                Arguments.of("CancelActivity", new CancelActivity(ACTIVITY_ID, null),
                        new ActivityCancelled(ACTIVITY_ID)),
                Arguments.of("RescheduleActivity", new RescheduleActivity(ACTIVITY_ID, LATER_DUE, LATER_REMIND, null),
                        new ActivityRescheduled(ACTIVITY_ID, DUE, LATER_DUE, LATER_REMIND)),
                Arguments.of("ReassignActivity", new ReassignActivity(ACTIVITY_ID, PEER, null),
                        new ActivityReassigned(ACTIVITY_ID, PEER, OWNER)));
    }

    static Stream<Arguments> changesOfClosedActivities() {
        List<Arguments> arguments = new ArrayList<>();
        changesOfTheActivity().forEach(change -> {
            arguments.add(Arguments.of(change.get()[0], "completed", completed(), change.get()[1],
                    invalidTransition(ActivityStatus.DONE)));
            arguments.add(Arguments.of(change.get()[0], "cancelled", cancelled(), change.get()[1],
                    invalidTransition(ActivityStatus.CANCELLED)));
            arguments.add(Arguments.of(change.get()[0], "completed after turning overdue",
                    List.of(scheduled(EARLIER, null), new ActivityOverdue(ACTIVITY_ID, OWNER, EARLIER),
                            new ActivityCompleted(ACTIVITY_ID, null, NOW, true)), change.get()[1],
                    invalidTransition(ActivityStatus.DONE)));
            arguments.add(Arguments.of(change.get()[0], "logged meeting", List.of(logged(ActivityKind.MEETING)),
                    change.get()[1], invalidTransition(ActivityStatus.DONE)));
            for (ActivityKind kind : List.of(ActivityKind.CALL, ActivityKind.EMAIL, ActivityKind.NOTE)) {
                arguments.add(Arguments.of(change.get()[0], "logged " + kind, List.of(logged(kind)),
                        change.get()[1], refusedAsLogged()));
            }
        });
        return arguments.stream();
    }

    @Nested
    class Transitions {

        @ParameterizedTest(name = "{0} of a {1} activity")
        @MethodSource("io.relais.activity.ActivityTest#changesOfClosedActivities")
        void refusesChangingAClosedOrLoggedActivity(String name, String state, List<Object> history, Object command,
                                                    Matcher<?> refusal) {
            fixture.given(history)
                    .when(command)
                    .expectNoEvents()
                    .expectException(refusal);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.activity.ActivityTest#changesOfTheActivity")
        void acceptsChangingAnOverdueTask(String name, Object command) {
            fixture.given(scheduled(), new ActivityReminderDue(ACTIVITY_ID, OWNER, DUE),
                            new ActivityOverdue(ACTIVITY_ID, OWNER, DUE))
                    .when(command, as(MANAGER))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(3L);
        }

        @Test
        void refusesCompletingATaskTwice() {
            fixture.givenCommands(scheduleTask(), new CompleteActivity(ACTIVITY_ID, "Quote sent", null))
                    .when(new CompleteActivity(ACTIVITY_ID, "Quote sent again", null))
                    .expectNoEvents()
                    .expectException(invalidTransition(ActivityStatus.DONE))
                    .expectExceptionMessage(containsString("complete an activity"));
        }

        @Test
        void refusesReschedulingALoggedCall() {
            fixture.given(logged(ActivityKind.CALL))
                    .when(new RescheduleActivity(ACTIVITY_ID, LATER_DUE, null, null))
                    .expectNoEvents()
                    .expectException(refusedAsLogged())
                    .expectExceptionMessage(containsString("reschedule an activity"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Visibility: outside the actor's reach an activity does not exist; read-only profiles may see but not change
    // ---------------------------------------------------------------------------------------------------------

    static Stream<Arguments> changesByActorsWhoMayNotSeeIt() {
        return changesBy(PEER, OTHER_MANAGER, OTHER_REP, FORMER, UNKNOWN);
    }

    static Stream<Arguments> changesByReadOnlyActors() {
        return changesBy(AUDITOR, ANALYST, STEWARD);
    }

    static Stream<Arguments> changesByWhoMayChangeIt() {
        return changesBy(MANAGER, DIRECTOR, ADMIN, SYSTEM);
    }

    private static Stream<Arguments> changesBy(String... actors) {
        List<Arguments> arguments = new ArrayList<>();
        for (String actor : actors) {
            changesOfTheActivity().forEach(change -> arguments.add(
                    Arguments.of(change.get()[0], actor, change.get()[1], change.get()[2])));
        }
        return arguments.stream();
    }

    @Nested
    class Visibility {

        @ParameterizedTest(name = "{0} by {1}")
        @MethodSource("io.relais.activity.ActivityTest#changesByWhoMayChangeIt")
        void letsTheAssigneesManagersAdministratorsAndTheSystemChangeIt(String name, String actor, Object command,
                                                                         Object event) {
            fixture.given(scheduled())
                    .when(command, as(actor))
                    .expectEvents(event);
        }

        @ParameterizedTest(name = "{0} by {1}")
        @MethodSource("io.relais.activity.ActivityTest#changesByActorsWhoMayNotSeeIt")
        void refusesSomeoneWhoMayNotSeeItAsNotFound(String name, String actor, Object command, Object event) {
            fixture.given(scheduled())
                    .when(command, as(actor))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest(name = "{0} by {1}")
        @MethodSource("io.relais.activity.ActivityTest#changesByReadOnlyActors")
        void refusesSomeoneWhoMaySeeButNotChangeIt(String name, String actor, Object command, Object event) {
            fixture.given(scheduled())
                    .when(command, as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest(name = "{0} by {1}")
        @MethodSource("io.relais.activity.ActivityTest#changesByActorsWhoMayNotSeeIt")
        void refusesSomeoneWhoMayNotSeeAClosedActivityAsNotFoundRatherThanClosed(String name, String actor,
                                                                                  Object command, Object event) {
            fixture.given(completed())
                    .when(command, as(actor))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.activity.ActivityTest#changesOfTheActivity")
        void refusesARepAnActivityLoggedByTheSystemAsNotFound(String name, Object command) {
            fixture.given(new ActivityLogged(ACTIVITY_ID, ActivityKind.NOTE, CALL_SUBJECT, null, LINKS, EARLIER,
                            null))
                    .when(command, as(OWNER))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.activity.ActivityTest#changesOfTheActivity")
        void letsAnAdministratorSeeAnActivityLoggedByTheSystem(String name, Object command) {
            fixture.given(new ActivityLogged(ACTIVITY_ID, ActivityKind.NOTE, CALL_SUBJECT, null, LINKS, EARLIER,
                            null))
                    .when(command, as(ADMIN))
                    .expectNoEvents()
                    .expectException(refusedAsLogged());
        }

        @Test
        void refusesAnInvalidRescheduleBySomeoneWhoMayNotSeeItAsNotFound() {
            fixture.given(scheduled())
                    .when(new RescheduleActivity(ACTIVITY_ID, null, null, null), as(PEER))
                    .expectNoEvents()
                    .expectException(notFound());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Expected versions
    // ---------------------------------------------------------------------------------------------------------

    /** Changes by MANAGER of OWNER's task, rescheduled once (at version 1). */
    static Stream<Arguments> changesAtVersionOne() {
        return Stream.of(
                Arguments.of("CompleteActivity",
                        (LongFunction<Object>) v -> new CompleteActivity(ACTIVITY_ID, null, v)),
                Arguments.of("CancelActivity", (LongFunction<Object>) v -> new CancelActivity(ACTIVITY_ID, v)),
                Arguments.of("RescheduleActivity",
                        (LongFunction<Object>) v -> new RescheduleActivity(ACTIVITY_ID, DUE, REMIND, v)),
                Arguments.of("ReassignActivity",
                        (LongFunction<Object>) v -> new ReassignActivity(ACTIVITY_ID, PEER, v)));
    }

    /** {@link #changesAtVersionOne()}, each with a stale, the current and a future expected version. */
    static Stream<Arguments> changesAtVersionOneWithEveryExpectedVersion() {
        return ExpectedVersions.staleCurrentAndFuture(changesAtVersionOne(), 1);
    }

    @Nested
    class Versions {

        private final List<Object> rescheduled = with(List.of(scheduled()),
                new ActivityRescheduled(ACTIVITY_ID, DUE, LATER_DUE, LATER_REMIND));

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.activity.ActivityTest#changesAtVersionOne")
        void acceptsTheCurrentVersionAndAnswersTheNewOne(String name, LongFunction<Object> command) {
            fixture.given(rescheduled)
                    .when(command.apply(1L), as(MANAGER))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(2L);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.activity.ActivityTest#changesAtVersionOne")
        void refusesAStaleVersion(String name, LongFunction<Object> command) {
            fixture.given(rescheduled)
                    .when(command.apply(0L), as(MANAGER))
                    .expectNoEvents()
                    .expectException(staleVersion(0, 1));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.activity.ActivityTest#changesAtVersionOne")
        void refusesAVersionTheActivityHasNotReached(String name, LongFunction<Object> command) {
            fixture.given(rescheduled)
                    .when(command.apply(2L), as(MANAGER))
                    .expectNoEvents()
                    .expectException(staleVersion(2, 1));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.activity.ActivityTest#changesAtVersionOne")
        void holdsTheSystemToItsExpectedVersionToo(String name, LongFunction<Object> command) {
            fixture.given(rescheduled)
                    .when(command.apply(0L), as(SYSTEM))
                    .expectNoEvents()
                    .expectException(staleVersion(0, 1));
        }

        @ParameterizedTest(name = "{0} expecting version {2}")
        @MethodSource("io.relais.activity.ActivityTest#changesAtVersionOneWithEveryExpectedVersion")
        void whoeverMayNotSeeTheActivityIsToldItDoesNotExistWhateverTheVersion(String name,
                                                                                LongFunction<Object> command,
                                                                                long version) {
            fixture.given(rescheduled)
                    .when(command.apply(version), as(OTHER_REP))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest(name = "{0} expecting version {2}")
        @MethodSource("io.relais.activity.ActivityTest#changesAtVersionOneWithEveryExpectedVersion")
        void aReadOnlyProfileIsForbiddenWhateverTheVersion(String name, LongFunction<Object> command,
                                                           long version) {
            fixture.given(rescheduled)
                    .when(command.apply(version), as(AUDITOR))
                    .expectNoEvents()
                    .expectException(forbidden());
        }
    }
}
