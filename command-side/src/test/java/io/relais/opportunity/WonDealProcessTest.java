package io.relais.opportunity;

import io.relais.account.AccountMergedInto;
import io.relais.account.AccountStatus;
import io.relais.account.PromoteAccountToCustomer;
import io.relais.activity.Activity;
import io.relais.activity.ActivityKind;
import io.relais.activity.ActivityLinks;
import io.relais.activity.ActivityScheduled;
import io.relais.activity.ScheduleActivity;
import io.relais.common.AuditMetadata;
import io.relais.common.ConflictException;
import io.relais.common.DomainException;
import io.relais.common.IncompleteRecordException;
import io.relais.common.InvalidFieldException;
import io.relais.common.InvalidTransitionException;
import io.relais.common.NotPermittedException;
import io.relais.common.RecordNotFoundException;
import io.relais.organisation.InMemoryOrganisationDirectory;
import io.relais.organisation.TestOrganisation;
import io.relais.process.MergeSurvivors;
import io.relais.process.SystemCommands;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.test.deadline.ScheduledDeadlineInfo;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The won-deal process over a real command bus. The account and the activity are stand-in handlers that answer or
 * refuse as the aggregates would; refusals cross the bus as the application's refusal translating interceptor sends
 * them, and events are delivered in a unit of work carrying the audit metadata, as the event processor does.
 */
class WonDealProcessTest {

    private static final Instant NOW = Instant.parse("2026-06-15T08:30:00Z");
    private static final String OPPORTUNITY_ID = "opportunity-3";
    private static final String ACCOUNT_ID = "account-7";
    private static final String OWNER = TestOrganisation.REP;
    private static final String CLOSER = TestOrganisation.MANAGER;
    private static final String REQUEST = "request-9";
    private static final String PROCESS = "system:won-deal";
    private static final List<String> MISSING = List.of("siret", "billingAddress", "paymentTerms");

    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    /** Every command handled, in order, as it arrived. */
    private final List<CommandMessage<?>> handled = new ArrayList<>();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private Callable<Object> promotion = () -> 1L;
    /** The store the process looks merges up in. */
    private final EventStore accounts = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine())
            .build();
    private Function<ScheduleActivity, Object> scheduling = ScheduleActivity::activityId;
    private WonDealProcess process;

    @BeforeEach
    void setUp() {
        commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            handled.add(unitOfWork.getMessage());
            return chain.proceed();
        });
        commandBus.registerHandlerInterceptor(WonDealProcessTest::translateRefusals);
        commandBus.subscribe(PromoteAccountToCustomer.class.getName(), command -> promotion.call());
        process = new WonDealProcess(new SystemCommands(DefaultCommandGateway.builder().commandBus(commandBus).build()),
                new MergeSurvivors(accounts), clock);
    }

    /** Activities answered by {@link #scheduling}. */
    private void activityStandIn() {
        commandBus.subscribe(ScheduleActivity.class.getName(),
                command -> scheduling.apply((ScheduleActivity) command.getPayload()));
    }

    // ---------------------------------------------------------------------------------------------------------
    // The account becomes a customer
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Promotion {

        @BeforeEach
        void setUp() {
            activityStandIn();
        }

        @Test
        void makesTheAccountOfTheWonDealACustomer() {
            deliver(won(OWNER));

            assertThat(payloads()).containsExactly(new PromoteAccountToCustomer(ACCOUNT_ID, null));
        }

        @Test
        void isSentAsTheProcessOnBehalfOfWhoWonTheDealInTheirRequest() {
            deliver(won(OWNER));

            assertThat(handled.get(0).getMetaData()).containsEntry(AuditMetadata.USER_ID, PROCESS)
                    .containsEntry(AuditMetadata.ON_BEHALF_OF, CLOSER)
                    .containsEntry(AuditMetadata.CORRELATION_ID, REQUEST);
        }

        @Test
        void staysOnBehalfOfTheUserForWhomTheSystemWonTheDeal() {
            deliver(won(OWNER, Map.of(AuditMetadata.USER_ID, "system:erp-sync", AuditMetadata.ON_BEHALF_OF, CLOSER,
                    AuditMetadata.CORRELATION_ID, REQUEST)));

            assertThat(handled.get(0).getMetaData()).containsEntry(AuditMetadata.USER_ID, PROCESS)
                    .containsEntry(AuditMetadata.ON_BEHALF_OF, CLOSER);
        }

        @Test
        void makesTheSurvivorACustomerWhenTheAccountWasMergedIntoAnother() {
            accounts.publish(new GenericDomainEventMessage<>("Account", ACCOUNT_ID, 0, new AccountMergedInto(
                    ACCOUNT_ID, "survivor", null, null, null, AccountStatus.PROSPECT, null)));

            deliver(won(OWNER));

            assertThat(payloads()).containsExactly(new PromoteAccountToCustomer("survivor", null));
        }

        @Test
        void givesNoTaskWhenTheAccountBecomesACustomer() {
            deliver(won(OWNER));

            assertThat(scheduledTasks()).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.opportunity.WonDealProcessTest#otherRefusals")
        void givesNoTaskWhenRefusedForAnotherReason(String name, DomainException refusal) {
            promotion = () -> {
                throw refusal;
            };

            deliver(won(OWNER));

            assertThat(payloads()).containsExactly(new PromoteAccountToCustomer(ACCOUNT_ID, null));
        }

        @Test
        void failsTheEventWhenThePromotionFailsOtherwiseSoThatItIsRetried() {
            promotion = () -> {
                throw new IllegalStateException("The event store is unreachable");
            };

            assertThatThrownBy(() -> deliver(won(OWNER))).isInstanceOf(IllegalStateException.class)
                    .hasMessage("The event store is unreachable");
            assertThat(scheduledTasks()).isEmpty();
        }

        @Test
        void failsTheEventWhenAFailureCarriesNoRefusal() {
            promotion = () -> {
                throw new CommandExecutionException("Remote node gone", null);
            };

            assertThatThrownBy(() -> deliver(won(OWNER))).isInstanceOf(CommandExecutionException.class)
                    .hasMessage("Remote node gone");
            assertThat(scheduledTasks()).isEmpty();
        }
    }

    static Stream<Arguments> otherRefusals() {
        return Stream.of(
                Arguments.of("already a customer", new InvalidTransitionException("make a customer of an account",
                        "CUSTOMER")),
                Arguments.of("merged away", new InvalidTransitionException("make a customer of an account", "MERGED")),
                Arguments.of("not found", new RecordNotFoundException(ACCOUNT_ID)),
                Arguments.of("forbidden", new NotPermittedException("Only active users may change records")),
                Arguments.of("other missing fields", new IncompleteRecordException("contact-fields-missing",
                        "A contact is needed", List.of("contacts"))),
                Arguments.of("conflict", new ConflictException("accountId", "erp-conflict", "Linked elsewhere")),
                Arguments.of("invalid field", new InvalidFieldException("accountId", "invalid-identifier",
                        "accountId may contain only letters")));
    }

    // ---------------------------------------------------------------------------------------------------------
    // The owner completes the record the ERP needs
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class DataCompletionTask {

        @BeforeEach
        void setUp() {
            activityStandIn();
            promotionRefusedForMissingErpFields();
        }

        @Test
        void isGivenToTheOwnerOfTheDealDueInAWeekWithAReminderTheDayBefore() {
            deliver(won(OWNER));

            ScheduleActivity task = onlyTask();
            assertThat(task).isEqualTo(new ScheduleActivity(task.activityId(), ActivityKind.TASK,
                    "Complete the customer record for the ERP", "The deal was won but the account cannot become a "
                    + "customer until these fields are filled: siret, billingAddress, paymentTerms",
                    new ActivityLinks(ACCOUNT_ID, null, OPPORTUNITY_ID), NOW.plus(Duration.ofDays(7)), OWNER,
                    NOW.plus(Duration.ofDays(6))));
        }

        @Test
        void followsTheRefusedPromotion() {
            deliver(won(OWNER));

            assertThat(payloads()).hasSize(2).first().isEqualTo(new PromoteAccountToCustomer(ACCOUNT_ID, null));
        }

        @Test
        void isScheduledAsTheProcessOnBehalfOfWhoWonTheDealInTheirRequest() {
            deliver(won(OWNER));

            assertThat(handled.get(1).getMetaData()).containsEntry(AuditMetadata.USER_ID, PROCESS)
                    .containsEntry(AuditMetadata.ON_BEHALF_OF, CLOSER)
                    .containsEntry(AuditMetadata.CORRELATION_ID, REQUEST);
        }

        @Test
        void isGivenToTheOwnerRatherThanToWhoWonTheDeal() {
            deliver(won("rep-2"));

            assertThat(onlyTask().assigneeId()).isEqualTo("rep-2");
        }

        @Test
        void hasAnIdAnActivityAccepts() {
            deliver(won(OWNER));

            assertThat(onlyTask().activityId()).matches("[A-Za-z0-9._@-]{1,100}");
        }

        @Test
        void isOnePerWonDealWhateverTheRetries() {
            EventMessage<OpportunityWon> won = won(OWNER);

            deliver(won);
            deliver(won);

            List<ScheduleActivity> tasks = scheduledTasks();
            assertThat(tasks).hasSize(2);
            assertThat(tasks.get(1).activityId()).isEqualTo(tasks.get(0).activityId());
        }

        @Test
        void isNewForEachTimeTheDealIsWon() {
            deliver(won(OWNER));
            deliver(won(OWNER));

            List<ScheduleActivity> tasks = scheduledTasks();
            assertThat(tasks).hasSize(2);
            assertThat(tasks.get(1).activityId()).isNotEqualTo(tasks.get(0).activityId());
        }

        @Test
        void failsTheEventWhenSchedulingFailsOtherwiseThanByARefusalSoThatItIsRetried() {
            scheduling = command -> {
                throw new IllegalStateException("The event store is unreachable");
            };

            assertThatThrownBy(() -> deliver(won(OWNER))).isInstanceOf(IllegalStateException.class)
                    .hasMessage("The event store is unreachable");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The task as the activity aggregate takes it
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class WithTheActivityAggregate {

        private final EventStore eventStore = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()).build();
        private final StubDeadlineManager deadlines = new StubDeadlineManager(NOW);

        @BeforeEach
        void setUp() {
            InMemoryOrganisationDirectory directory = new InMemoryOrganisationDirectory(TestOrganisation.salesTeam());
            ParameterResolverFactory resources = MultiParameterResolverFactory.ordered(
                    ClasspathParameterResolverFactory.forClass(Activity.class),
                    new SimpleResourceParameterResolverFactory(List.of(directory.authorization(), clock, deadlines)));
            AggregateAnnotationCommandHandler.<Activity>builder()
                    .aggregateType(Activity.class)
                    .repository(EventSourcingRepository.builder(Activity.class).eventStore(eventStore)
                            .parameterResolverFactory(resources).build())
                    .parameterResolverFactory(resources)
                    .build()
                    .subscribe(commandBus);
            promotionRefusedForMissingErpFields();
        }

        @Test
        void plansTheTaskForTheOwnerWithAReminderAndAnOverdueAlertOnTheirBehalfInTheRequest() {
            deliver(won(OWNER));

            ScheduleActivity task = onlyTask();
            assertThat(eventStore.readEvents(task.activityId()).asStream().<Object>map(EventMessage::getPayload))
                    .containsExactly(new ActivityScheduled(task.activityId(), ActivityKind.TASK, task.subject(),
                            task.notes(), new ActivityLinks(ACCOUNT_ID, null, OPPORTUNITY_ID),
                            NOW.plus(Duration.ofDays(7)), OWNER, NOW.plus(Duration.ofDays(6))));
            MetaData onBehalfOfTheOwner = MetaData.with(AuditMetadata.USER_ID, "system:reminders")
                    .and(AuditMetadata.ON_BEHALF_OF, OWNER).and(AuditMetadata.CORRELATION_ID, REQUEST);
            assertThat(deadlines.getScheduledDeadlines())
                    .extracting(ScheduledDeadlineInfo::getScheduleTime, ScheduledDeadlineInfo::getDeadlineName,
                            deadline -> deadline.deadlineMessage().getMetaData())
                    .containsExactly(tuple(NOW.plus(Duration.ofDays(6)), "activity-reminder", onBehalfOfTheOwner),
                            tuple(NOW.plus(Duration.ofDays(7)), "activity-overdue", onBehalfOfTheOwner));
        }

        /**
         * The refusal would come again on every retry, and record-processes (one segment, no dead letters) would
         * handle no other event meanwhile: no merge, move or won deal would be processed.
         */
        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.opportunity.WonDealProcessTest#ownersWhoCannotBeGivenTheTask")
        void goesOnWithoutATaskTheOwnerCannotBeGiven(String name, String ownerId) {
            assertThatCode(() -> deliver(won(ownerId))).doesNotThrowAnyException();

            assertThat(scheduledTasks()).hasSize(1);
            assertThat(eventStore.readEvents(onlyTask().activityId()).asStream()).isEmpty();
            assertThat(deadlines.getScheduledDeadlines()).isEmpty();
        }
    }

    static Stream<Arguments> ownersWhoCannotBeGivenTheTask() {
        return Stream.of(
                Arguments.of("a deal without an owner", null),
                Arguments.of("a deactivated owner", TestOrganisation.FORMER),
                Arguments.of("an owner who now audits", TestOrganisation.AUDITOR));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------

    private void promotionRefusedForMissingErpFields() {
        promotion = () -> {
            throw new IncompleteRecordException("erp-fields-missing", "A customer needs these fields for the ERP",
                    MISSING);
        };
    }

    /** The deal of {@code ownerId} won by CLOSER in the request REQUEST. */
    private static EventMessage<OpportunityWon> won(String ownerId) {
        return won(ownerId, Map.of(AuditMetadata.USER_ID, CLOSER, AuditMetadata.CORRELATION_ID, REQUEST,
                AuditMetadata.CAUSATION_ID, REQUEST));
    }

    private static EventMessage<OpportunityWon> won(String ownerId, Map<String, ?> metaData) {
        return new GenericEventMessage<>(new OpportunityWon(OPPORTUNITY_ID, ACCOUNT_ID, ownerId, "EUR",
                new BigDecimal("48000"), LocalDate.of(2026, 6, 15), new SalesStage("NEGOTIATION", 80,
                ForecastCategory.COMMIT)), MetaData.from(metaData));
    }

    /**
     * Hands the event to the process in a unit of work that, as the event processor's, gives the audit metadata of
     * the event to the commands sent while handling it; a failure is thrown as the processor would see it.
     */
    private void deliver(EventMessage<OpportunityWon> won) {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(won);
        unitOfWork.registerCorrelationDataProvider(new SimpleCorrelationDataProvider(AuditMetadata.USER_ID,
                AuditMetadata.ON_BEHALF_OF, AuditMetadata.CORRELATION_ID));
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            process.on(won.getPayload(), won);
            return null;
        });
        if (result.isExceptional()) {
            if (result.exceptionResult() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new AssertionError(result.exceptionResult());
        }
    }

    /** As the application's refusal translating interceptor: a refusal crosses the bus as the failure's details. */
    private static Object translateRefusals(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            return chain.proceed();
        } catch (DomainException e) {
            throw new CommandExecutionException(e.getMessage(), e, e.refusal());
        }
    }

    private List<Object> payloads() {
        return handled.stream().<Object>map(CommandMessage::getPayload).toList();
    }

    private List<ScheduleActivity> scheduledTasks() {
        return handled.stream().map(CommandMessage::getPayload).filter(ScheduleActivity.class::isInstance)
                .map(ScheduleActivity.class::cast).toList();
    }

    private ScheduleActivity onlyTask() {
        List<ScheduleActivity> tasks = scheduledTasks();
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }
}
