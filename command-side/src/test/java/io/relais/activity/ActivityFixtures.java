package io.relais.activity;

import io.relais.common.AuditMetadata;
import io.relais.common.CommandFixtures;
import io.relais.common.InvalidFieldException;
import io.relais.common.InvalidTransitionException;
import io.relais.common.NotPermittedException;
import io.relais.common.RecordNotFoundException;
import io.relais.common.RefusalMatchers;
import io.relais.organisation.TestOrganisation;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.relais.organisation.TestOrganisation.REP;

/**
 * What the fixture tests of the activity aggregate ({@link ActivityTest}) use: the organisation, the clock, sample
 * activities, histories and matchers.
 *
 * <p>Who is who: {@link TestOrganisation#salesTeam()}. Unless a test names the actor, commands are sent by OWNER,
 * the rep who logged or is assigned the activity of most histories here.
 *
 * <p>When. The clock reads {@link #NOW}; tasks are due at {@link #DUE}, two days later, with a reminder an hour
 * before. Deadline tests start the fixture's time at {@link #NOW} too, so that its deadline manager and the
 * aggregate's clock agree. Events given as history schedule no deadlines: tests about deadlines give commands.
 */
final class ActivityFixtures {

    static final String ACTIVITY_ID = "activity-1";
    static final String ACCOUNT_ID = "account-7";
    static final String OTHER_ACCOUNT_ID = "account-8";
    static final String CONTACT_ID = "contact-1";
    static final String OPPORTUNITY_ID = "opportunity-3";
    static final ActivityLinks LINKS = new ActivityLinks(ACCOUNT_ID, CONTACT_ID, null);

    static final String SUBJECT = "Send the quote";
    static final String NOTES = "Prices for the 2026 range";
    static final String CALL_SUBJECT = "Inbound call";

    /** The rep who owns the records of most histories here. */
    static final String OWNER = REP;
    static final String SYSTEM = "system:record-transfer";
    /** Who records what comes due. */
    static final String REMINDERS = "system:reminders";

    /** The request that scheduled the task, when a test names it. */
    static final String REQUEST = "request-1";
    static final String OTHER_REQUEST = "request-2";

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    /** When the logged call happened. */
    static final Instant EARLIER = NOW.minus(Duration.ofHours(2));
    static final Instant DUE = Instant.parse("2026-03-04T14:00:00Z");
    static final Instant REMIND = DUE.minus(Duration.ofHours(1));
    static final Instant LATER_DUE = Instant.parse("2026-03-11T14:00:00Z");
    static final Instant LATER_REMIND = LATER_DUE.minus(Duration.ofDays(1));

    private ActivityFixtures() {
    }

    /** A fixture over the organisation above, clocked at {@link #NOW}, sending commands as {@link #OWNER}. */
    static FixtureConfiguration<Activity> activityFixture() {
        FixtureConfiguration<Activity> fixture = CommandFixtures.fixture(Activity.class, TestOrganisation.salesTeam(),
                OWNER);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        // as in the application, a command's events carry its audit metadata: a task keeps the request that planned it
        fixture.registerCommandHandlerInterceptor(new CorrelationDataInterceptor<>(new SimpleCorrelationDataProvider(
                AuditMetadata.USER_ID, AuditMetadata.ON_BEHALF_OF, AuditMetadata.CORRELATION_ID)));
        return fixture;
    }

    /** Sent by {@code actorId} in the request {@code correlationId}. */
    static Map<String, Object> as(String actorId, String correlationId) {
        return Map.of(AuditMetadata.USER_ID, actorId, AuditMetadata.CORRELATION_ID, correlationId);
    }

    /** OWNER plans a task for themselves, due at {@link #DUE} with a reminder at {@link #REMIND}. */
    static ScheduleActivity scheduleTask() {
        return new ScheduleActivity(ACTIVITY_ID, ActivityKind.TASK, SUBJECT, NOTES, LINKS, DUE, null, REMIND);
    }

    /** {@link #scheduleTask()}, sent by OWNER in the request {@link #REQUEST}. */
    static CommandMessage<ScheduleActivity> scheduleTaskInRequest() {
        return new GenericCommandMessage<>(scheduleTask(), as(OWNER, REQUEST));
    }

    /** What {@link #scheduleTask()} records; at version 0. */
    static ActivityScheduled scheduled() {
        return scheduled(DUE, REMIND);
    }

    /** OWNER's task, due and reminded when given; at version 0. */
    static ActivityScheduled scheduled(Instant dueAt, Instant remindAt) {
        return new ActivityScheduled(ACTIVITY_ID, ActivityKind.TASK, SUBJECT, NOTES, LINKS, dueAt, OWNER, remindAt);
    }

    /** {@link #scheduled()} as stored by the request {@link #REQUEST}, whose correlation id its metadata keeps. */
    static GenericDomainEventMessage<ActivityScheduled> scheduledInRequest() {
        return new GenericDomainEventMessage<>(Activity.class.getSimpleName(), ACTIVITY_ID, 0, scheduled(),
                MetaData.from(as(OWNER, REQUEST)));
    }

    /** A call of OWNER's, or another kind that happened {@link #EARLIER}; at version 0. */
    static ActivityLogged logged(ActivityKind kind) {
        return new ActivityLogged(ACTIVITY_ID, kind, CALL_SUBJECT, null, LINKS, EARLIER, OWNER);
    }

    /** {@link #scheduled()}, done on time; at version 1. */
    static List<Object> completed() {
        return List.of(scheduled(), new ActivityCompleted(ACTIVITY_ID, "Quote sent", EARLIER, false));
    }

    /** {@link #scheduled()}, cancelled; at version 1. */
    static List<Object> cancelled() {
        return List.of(scheduled(), new ActivityCancelled(ACTIVITY_ID));
    }

    static List<Object> with(List<Object> history, Object... more) {
        List<Object> events = new ArrayList<>(history);
        events.addAll(List.of(more));
        return events;
    }

    /** Matches an {@link InvalidFieldException} for {@code field} with the stable {@code code}. */
    static Matcher<InvalidFieldException> invalidField(String field, String code) {
        return RefusalMatchers.invalidField(field, code);
    }

    /** Matches a {@link NotPermittedException}. */
    static Matcher<Throwable> forbidden() {
        return RefusalMatchers.forbidden();
    }

    /** Matches a {@link RecordNotFoundException} for the activity, as answered to who may not see it. */
    static Matcher<Throwable> notFound() {
        return RefusalMatchers.notFound(ACTIVITY_ID);
    }

    /** Matches an {@link InvalidTransitionException} refused because the activity is {@code status}. */
    static Matcher<InvalidTransitionException> invalidTransition(ActivityStatus status) {
        return RefusalMatchers.invalidTransition(status.name());
    }

    /** Matches an {@link InvalidTransitionException} refused because the call, e-mail or note was logged. */
    static Matcher<InvalidTransitionException> refusedAsLogged() {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidTransitionException e) {
                return "invalid-transition".equals(e.code()) && "DONE".equals(e.currentState())
                        && e.getMessage().contains("that was logged");
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidTransitionException from status \"DONE\" of a logged activity");
            }

            @Override
            protected void describeMismatchSafely(InvalidTransitionException e, Description description) {
                description.appendText("had code ").appendValue(e.code()).appendText(", status ")
                        .appendValue(e.currentState()).appendText(" and message ").appendValue(e.getMessage());
            }
        };
    }

    /** Matches a deadline of the activity called {@code name}. */
    static Matcher<DeadlineMessage<?>> deadlineNamed(String name) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DeadlineMessage<?> deadline) {
                return name.equals(deadline.getDeadlineName());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("deadline ").appendValue(name);
            }
        };
    }

    /**
     * Matches the deadline {@code name} of {@code assignee}'s task or meeting: to be recorded by the system on
     * their behalf, in the request {@code correlationId} (null: none).
     */
    static Matcher<DeadlineMessage<?>> deadline(String name, String assignee, String correlationId) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DeadlineMessage<?> deadline) {
                return name.equals(deadline.getDeadlineName()) && assignee.equals(deadline.getPayload())
                        && deadline.getMetaData().equals(audit(assignee, correlationId));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("deadline ").appendValue(name).appendText(" for ").appendValue(assignee)
                        .appendText(" with metadata ").appendValue(audit(assignee, correlationId));
            }

            @Override
            protected void describeMismatchSafely(DeadlineMessage<?> deadline, Description description) {
                description.appendText("was ").appendValue(deadline.getDeadlineName()).appendText(" for ")
                        .appendValue(deadline.getPayload()).appendText(" with metadata ")
                        .appendValue(deadline.getMetaData());
            }
        };
    }

    /**
     * Matches {@code payload} recorded by the system on behalf of {@code assignee}, in the request
     * {@code correlationId} (null: none), caused by the deadline {@code causationId}.
     */
    static Matcher<EventMessage<?>> recordedBySystem(Object payload, String assignee, String correlationId,
                                                     String causationId) {
        MetaData expected = audit(assignee, correlationId).and(AuditMetadata.CAUSATION_ID, causationId);
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(EventMessage<?> event) {
                return payload.equals(event.getPayload()) && expected.equals(event.getMetaData());
            }

            @Override
            public void describeTo(Description description) {
                description.appendValue(payload).appendText(" with metadata ").appendValue(expected);
            }

            @Override
            protected void describeMismatchSafely(EventMessage<?> event, Description description) {
                description.appendText("was ").appendValue(event.getPayload()).appendText(" with metadata ")
                        .appendValue(event.getMetaData());
            }
        };
    }

    private static MetaData audit(String assignee, String correlationId) {
        MetaData audit = MetaData.with(AuditMetadata.USER_ID, REMINDERS).and(AuditMetadata.ON_BEHALF_OF, assignee);
        return correlationId == null ? audit : audit.and(AuditMetadata.CORRELATION_ID, correlationId);
    }

    /** The one deadline called {@code name} among {@code handled}. */
    static DeadlineMessage<?> only(String name, List<DeadlineMessage<?>> handled) {
        List<DeadlineMessage<?>> named = handled.stream().filter(d -> Objects.equals(name, d.getDeadlineName()))
                .toList();
        if (named.size() != 1) {
            throw new AssertionError("Expected one deadline " + name + " handled, got " + handled);
        }
        return named.get(0);
    }
}
