package io.relais.projection;

import io.relais.account.AccountProjection;
import io.relais.activity.ActivityProjection;
import io.relais.catalogue.CatalogueProjection;
import io.relais.customerfeed.CustomerFeedProjection;
import io.relais.dashboard.UsageProjection;
import io.relais.duplicate.DuplicateProjection;
import io.relais.forecast.ForecastReferenceProjection;
import io.relais.lead.LeadProjection;
import io.relais.opportunity.OpportunityProjection;
import io.relais.organisation.OrganisationProjection;
import io.relais.timeline.TimelineProjection;
import io.relais.webform.WebFormProjection;
import io.relais.webhook.WebhookProjection;
import io.relais.workflow.WorkflowRuleProjection;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.Member;
import java.sql.Savepoint;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * How a projection's batch of events runs in its transaction (ADR 010).
 * <ul>
 *   <li>It commits without waiting for its WAL flush, whatever its handlers write (a batch may write nothing but
 *   its token). Safe because the processor's token is written in the same transaction: after a crash, rows and
 *   token roll back together and the projection redoes those events. Events themselves, and the process
 *   managers' transactions (they append events), always commit synchronously.</li>
 *   <li>Normally, handlers apply the batch's events to collectors written when it commits
 *   ({@link ProjectionBatches}), at no cost per event. If anything fails, a handler included (its collectors may
 *   hold part of its event), the whole batch rolls back and Axon retries it.</li>
 *   <li>A batch that holds events of a failed batch ({@link SegmentFailures}) is applied carefully: each event
 *   inside a savepoint of its own, with its own collectors written right after it. An event that fails is rolled
 *   back to its savepoint, and Axon's dead-letter queue, which catches the failure just outside, enqueues it in the
 *   transaction that is still healthy: atomically with the processor's token, so that a crash can neither lose
 *   nor duplicate the letter. The later events of its aggregate queue behind it; the others are projected.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionTransactions {

    public static final List<String> PROJECTIONS = List.of(LeadProjection.PROCESSING_GROUP,
            AccountProjection.PROCESSING_GROUP, TimelineProjection.PROCESSING_GROUP,
            DuplicateProjection.PROCESSING_GROUP, OrganisationProjection.PROCESSING_GROUP,
            CatalogueProjection.PROCESSING_GROUP, OpportunityProjection.PROCESSING_GROUP,
            ActivityProjection.PROCESSING_GROUP, ForecastReferenceProjection.PROCESSING_GROUP,
            UsageProjection.PROCESSING_GROUP, WebFormProjection.PROCESSING_GROUP,
            WebhookProjection.PROCESSING_GROUP, CustomerFeedProjection.PROCESSING_GROUP,
            WorkflowRuleProjection.PROCESSING_GROUP);
    private static final String APPLIED = ProjectionTransactions.class.getName();
    private static final String MODE = ProjectionTransactions.class.getName() + ".mode";
    private static final String FAILURE = ProjectionTransactions.class.getName() + ".failure";
    private static final String ATTEMPTS = "attempts";
    private static final String CAUSE_TYPE = "causeType";

    private final JdbcTemplate jdbc;
    private final SegmentFailures failures;

    ProjectionTransactions(JdbcTemplate jdbc, SegmentFailures failures) {
        this.jdbc = jdbc;
        this.failures = failures;
    }

    @Autowired
    void configureProjections(EventProcessingConfigurer processing) {
        PROJECTIONS.forEach(projection -> configure(processing, projection));
    }

    /**
     * Runs the processing group's batches as described above, and makes a reset (a rebuild) empty its dead-letter
     * queue, whose sequences the replay reaches again. The group's processor needs its dead-letter queue
     * ({@code axon.eventhandling.processors.<group>.dlq.enabled}).
     */
    public void configure(EventProcessingConfigurer processing, String processingGroup) {
        processing.registerHandlerInterceptor(processingGroup,
                configuration -> (unitOfWork, chain) -> intercept(processingGroup, unitOfWork, chain));
        processing.registerDeadLetteringEventHandlerInvokerConfiguration(processingGroup,
                (configuration, invoker) -> invoker.enableSequenceIdentifierCache().allowReset(true));
        processing.registerDeadLetterPolicy(processingGroup, configuration -> ProjectionTransactions::deadLetter);
    }

    /** Wraps the event handlers of processing groups, so that a batch's mode applies to each of its events. */
    @Bean
    static HandlerEnhancerDefinition projectionEventHandlers() {
        return new HandlerEnhancerDefinition() {
            @Override
            public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
                boolean projection = original.canHandleMessageType(EventMessage.class) && original.unwrap(Member.class)
                        .map(member -> member.getDeclaringClass().isAnnotationPresent(ProcessingGroup.class))
                        .orElse(false);
                return projection ? new ModalHandler<>(original) : original;
            }
        };
    }

    private Object intercept(String processingGroup, UnitOfWork<? extends EventMessage<?>> unitOfWork,
                             InterceptorChain chain) throws Exception {
        UnitOfWork<?> batch = unitOfWork.root();
        if (batch.resources().putIfAbsent(APPLIED, Boolean.TRUE) == null) {
            jdbc.execute("set local synchronous_commit = off");
            if (batch instanceof BatchingUnitOfWork<?> events) {
                batch.resources().put(MODE, failures.holdsFailedEvents(processingGroup, events)
                        ? (Mode) this::applyCarefully : (Mode) ProjectionTransactions::apply);
            }
        }
        Object result = chain.proceed();
        Exception failure = batch.getResource(FAILURE);
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    private static Object apply(UnitOfWork<?> batch, Callable<Object> handler) throws Exception {
        try {
            return handler.call();
        } catch (Exception e) {
            batch.resources().put(FAILURE, e);
            throw e;
        }
    }

    private Object applyCarefully(UnitOfWork<?> batch, Callable<Object> handler) throws Exception {
        Savepoint savepoint = jdbc.execute((ConnectionCallback<Savepoint>) connection -> connection.setSavepoint());
        Object result;
        try {
            result = ProjectionBatches.applyAlone(batch, handler);
        } catch (Exception e) {
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                connection.rollback(savepoint);
                return null;
            });
            // a deadlock or a lost connection is not the event's fault: the batch is retried instead
            if (e instanceof TransientDataAccessException || e instanceof RecoverableDataAccessException) {
                batch.resources().put(FAILURE, e);
            }
            throw e;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            connection.releaseSavepoint(savepoint);
            return null;
        });
        return result;
    }

    /**
     * The failure as a dead letter's cause, told by its innermost message: a batched write's failure wraps the
     * database's reason in the whole statement, which the stored message, cut to its first kilobyte, would not
     * reach. PostgreSQL stores no NUL character, which a refused value may hold. The letter counts its failed
     * attempts in its diagnostics, with the failure's class ({@link #causeType}).
     */
    private static EnqueueDecision<EventMessage<?>> deadLetter(DeadLetter<? extends EventMessage<?>> letter,
                                                               Throwable cause) {
        String type = cause.getClass().getName();
        String message = Objects.toString(NestedExceptionUtils.getMostSpecificCause(cause).getMessage(), "")
                .replace("\0", "");
        return Decisions.enqueue(new ThrowableCause(type,
                message.substring(0, Math.min(message.length(), ThrowableCause.TRUNCATED_MESSAGE_SIZE))),
                failed -> failed.diagnostics().and(ATTEMPTS, attempts(failed) + 1).and(CAUSE_TYPE, type));
    }

    /**
     * Why applying the letter's event failed last (the exception's class); null for an event queued behind
     * another. From the diagnostics: a requeued JDBC letter keeps the message of the cause it is given, but
     * takes the class of the cause itself ({@code ThrowableCause}) for the failure's.
     */
    public static String causeType(DeadLetter<?> letter) {
        Object type = letter.diagnostics().get(CAUSE_TYPE);
        return type instanceof String name ? name : letter.cause().map(Cause::type).orElse(null);
    }

    /** How many times applying the letter's event failed: 0 for an event queued behind another. */
    public static int attempts(DeadLetter<?> letter) {
        Object attempts = letter.diagnostics().get(ATTEMPTS);
        return attempts instanceof Number number ? number.intValue() : 0;
    }

    /** How a batch applies each of its events. */
    @FunctionalInterface
    private interface Mode {
        Object apply(UnitOfWork<?> batch, Callable<Object> handler) throws Exception;
    }

    private static final class ModalHandler<T> extends WrappedMessageHandlingMember<T> {

        ModalHandler(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (CurrentUnitOfWork.isStarted()) {
                UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
                Mode mode = batch.getResource(MODE);
                if (mode != null) {
                    return mode.apply(batch, () -> super.handle(message, target));
                }
            }
            return super.handle(message, target);
        }
    }
}
