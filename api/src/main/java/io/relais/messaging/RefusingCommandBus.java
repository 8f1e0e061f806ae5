package io.relais.messaging;

import io.relais.common.DomainException;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.relais.common.Refusal;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The command bus that handles this node's commands (Axon's local segment, behind Axon Server's bus when that is
 * on): it turns a command's refusal into a {@link CommandExecutionException} whose details are a {@link Refusal}.
 * Exceptions themselves do not cross Axon Server; the details do, so the sender answers the same 4xx whether the
 * command was handled in this JVM or on another node. The translation sees the unit of work's outcome after its
 * commit, because the store refuses a write that lost a race only then: Axon Server when the events are sent,
 * PostgreSQL when they are inserted. Each refusal is logged here, where it happens, in one line.
 */
public class RefusingCommandBus extends SimpleCommandBus {

    private static final Logger log = LoggerFactory.getLogger(RefusingCommandBus.class);
    private static final Metadata.Key<String> AXON_SERVER_ERROR_CODE =
            Metadata.Key.of("AxonIQ-ErrorCode", Metadata.ASCII_STRING_MARSHALLER);
    private static final CommandTargetResolver TARGETS = AnnotationCommandTargetResolver.builder().build();

    public RefusingCommandBus(Builder builder) {
        super(builder);
    }

    /** The refusal a command's failure carries, as the sender receives it; empty for other failures. */
    public static Optional<Refusal> refusal(Throwable failure) {
        return failure instanceof CommandExecutionException e
                ? e.getDetails().filter(Refusal.class::isInstance).map(Refusal.class::cast)
                : Optional.empty();
    }

    /** Whether a creating command failed because its record exists already (made by an earlier attempt). */
    public static boolean madeBefore(Throwable failure) {
        return refusal(failure).filter(r -> r.kind() == Refusal.Kind.CONCURRENT_MODIFICATION).isPresent();
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        super.handle(command, handler, (CommandCallback<C, R>) (message, result) -> {
            Optional<Refusal> refusal = result.isExceptional()
                    ? refusalOf(message, result.exceptionResult()) : Optional.empty();
            if (refusal.isPresent()) {
                callback.onResult(message, refused(message, result.exceptionResult(), refusal.get()));
            } else {
                callback.onResult(message, result);
            }
        });
    }

    private static Optional<Refusal> refusalOf(CommandMessage<?> command, Throwable failure) {
        if (failure instanceof DomainException e) {
            return Optional.of(e.refusal());
        }
        if (failure instanceof AggregateNotFoundException e) {
            return Optional.of(Refusal.notFound(String.valueOf(e.getAggregateIdentifier())));
        }
        if (failure instanceof IncompatibleAggregateException) {
            // the id is another kind of record's: its events do not build this aggregate
            return Optional.of(Refusal.notFound(target(command)));
        }
        if (failure instanceof ConcurrencyException || failure instanceof AggregateStreamCreationException
                || axonServerError(failure) == ErrorCode.INVALID_EVENT_SEQUENCE) {
            return Optional.of(Refusal.concurrentModification());
        }
        return Optional.empty();
    }

    /**
     * The error Axon Server answered, as its gRPC trailer names it: Axon's connector passes the failure of an
     * append's commit on as it came, without turning it into Axon's exception.
     */
    private static ErrorCode axonServerError(Throwable failure) {
        if (failure instanceof StatusRuntimeException e && e.getTrailers() != null) {
            String code = e.getTrailers().get(AXON_SERVER_ERROR_CODE);
            return code == null ? null : ErrorCode.getFromCode(code);
        }
        return null;
    }

    private static String target(CommandMessage<?> command) {
        try {
            return TARGETS.resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return "given";
        }
    }

    /** A refusal is a normal outcome: one line, no stack trace. */
    private static <R> CommandResultMessage<R> refused(CommandMessage<?> command, Throwable cause,
                                                      Refusal refusal) {
        log.info("Refused {}: {} (field {}): {}", command.getPayloadType().getSimpleName(), refusal.code(),
                refusal.field(), refusal.message());
        return GenericCommandResultMessage.asCommandResultMessage(
                new CommandExecutionException(refusal.message(), cause, refusal));
    }
}
