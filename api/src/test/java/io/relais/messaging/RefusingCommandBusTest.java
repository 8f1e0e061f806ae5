package io.relais.messaging;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.relais.common.InvalidFieldException;
import io.relais.common.InvalidTransitionException;
import io.relais.common.Refusal;
import io.relais.common.StaleVersionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** Refusals leave the command bus as data, which is what crosses Axon Server, including those the store makes at commit. */
class RefusingCommandBusTest {

    private final SimpleCommandBus bus = new RefusingCommandBus(SimpleCommandBus.builder());

    @Test
    void anInvalidFieldTravelsAsDetailsWithItsFieldAndCode() {
        Refusal refusal = refusalFor(() -> {
            throw new InvalidFieldException("email", "invalid-email", "email is not valid");
        });

        assertThat(refusal).isEqualTo(new Refusal(Refusal.Kind.INVALID_FIELD, "invalid-email", "email",
                "email is not valid", null));
    }

    @Test
    void anInvalidTransitionKeepsTheCurrentState() {
        Refusal refusal = refusalFor(() -> {
            throw new InvalidTransitionException("qualify a lead", "QUALIFIED");
        });

        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID_TRANSITION);
        assertThat(refusal.currentState()).isEqualTo("QUALIFIED");
    }

    @Test
    void aStaleVersionAndAnUnknownRecordAreRefusalsToo() {
        assertThat(refusalFor(() -> {
            throw new StaleVersionException(0, 1L);
        })).isEqualTo(Refusal.staleVersion());
        assertThat(refusalFor(() -> {
            throw new AggregateNotFoundException("lead-1", "missing");
        })).isEqualTo(Refusal.notFound("lead-1"));
    }

    @Test
    void anIdOfAnotherKindOfRecordIsAnUnknownRecord() {
        assertThat(refusalFor(() -> {
            throw new IncompatibleAggregateException("Aggregate identifier must be non-null");
        })).isEqualTo(Refusal.notFound("given"));
    }

    @Test
    void aWriteTheStoreRefusesAtCommitIsAConcurrentModificationTheSenderRecognises() {
        CommandResultMessage<?> lostRace = handle(() -> {
            CurrentUnitOfWork.get().onCommit(u -> {
                throw new ConcurrencyException("[AXONIQ-2000] Invalid sequence number 0 for aggregate lead-1");
            });
            return 1L;
        });
        CommandResultMessage<?> lostRaceOnAxonServer = handle(() -> {
            CurrentUnitOfWork.get().onCommit(u -> {
                Metadata trailers = new Metadata();
                trailers.put(Metadata.Key.of("AxonIQ-ErrorCode", Metadata.ASCII_STRING_MARSHALLER), "AXONIQ-2000");
                throw Status.OUT_OF_RANGE.withDescription("Invalid sequence number 0 for aggregate lead-1, expected 2")
                        .asRuntimeException(trailers);
            });
            return 0L;
        });
        CommandResultMessage<?> existing = handle(() -> {
            CurrentUnitOfWork.get().onPrepareCommit(u -> {
                throw new AggregateStreamCreationException("lead-1 exists");
            });
            return 0L;
        });

        assertThat(refusalOf(lostRace)).isEqualTo(Refusal.concurrentModification());
        assertThat(RefusingCommandBus.madeBefore(lostRace.exceptionResult())).isTrue();
        assertThat(RefusingCommandBus.madeBefore(existing.exceptionResult())).isTrue();
        assertThat(refusalOf(lostRaceOnAxonServer)).isEqualTo(Refusal.concurrentModification());
    }

    @Test
    void otherFailuresPassThroughUnchangedAndSuccessStaysSuccess() {
        IllegalStateException bug = new IllegalStateException("bug");
        StatusRuntimeException unavailable = Status.UNAVAILABLE.asRuntimeException();

        assertThat(handle(() -> {
            throw unavailable;
        }).exceptionResult()).isSameAs(unavailable);
        assertThat(handle(() -> {
            throw bug;
        }).exceptionResult()).isSameAs(bug);
        assertThat(RefusingCommandBus.refusal(bug)).isEmpty();
        assertThat(handle(() -> 3L).getPayload()).isEqualTo(3L);
    }

    private Refusal refusalFor(Callable<Object> handler) {
        return refusalOf(handle(handler));
    }

    private static Refusal refusalOf(CommandResultMessage<?> result) {
        assertThat(result.exceptionResult()).isInstanceOf(CommandExecutionException.class);
        return RefusingCommandBus.refusal(result.exceptionResult()).orElseThrow();
    }

    private CommandResultMessage<?> handle(Callable<Object> handler) {
        var registration = bus.subscribe(String.class.getName(), command -> handler.call());
        try {
            FutureCallback<Object, Object> result = new FutureCallback<>();
            bus.dispatch(GenericCommandMessage.asCommandMessage("cmd"), result);
            return result.getResult();
        } finally {
            registration.cancel();
        }
    }
}
