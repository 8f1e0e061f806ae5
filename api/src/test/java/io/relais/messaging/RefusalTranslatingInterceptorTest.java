package io.relais.messaging;

import io.relais.common.InvalidFieldException;
import io.relais.common.InvalidTransitionException;
import io.relais.common.Refusal;
import io.relais.common.StaleVersionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Refusals leave the command handler as data, which is what crosses Axon Server. */
class RefusalTranslatingInterceptorTest {

    private final RefusalTranslatingInterceptor interceptor = new RefusalTranslatingInterceptor();

    @Test
    void anInvalidFieldTravelsAsDetailsWithItsFieldAndCode() {
        Refusal refusal = refusalFor(new InvalidFieldException("email", "invalid-email", "email is not valid"));

        assertThat(refusal).isEqualTo(new Refusal(Refusal.Kind.INVALID_FIELD, "invalid-email", "email",
                "email is not valid", null));
    }

    @Test
    void anInvalidTransitionKeepsTheCurrentState() {
        Refusal refusal = refusalFor(new InvalidTransitionException("qualify a lead", "QUALIFIED"));

        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID_TRANSITION);
        assertThat(refusal.currentState()).isEqualTo("QUALIFIED");
    }

    @Test
    void aStaleVersionAndAnUnknownRecordAreRefusalsToo() {
        assertThat(refusalFor(new StaleVersionException(0, 1L)))
                .isEqualTo(Refusal.staleVersion());
        assertThat(refusalFor(new AggregateNotFoundException("lead-1", "missing")))
                .isEqualTo(Refusal.notFound("lead-1"));
    }

    @Test
    void anIdOfAnotherKindOfRecordIsAnUnknownRecord() {
        assertThat(refusalFor(new IncompatibleAggregateException("Aggregate identifier must be non-null")))
                .isEqualTo(Refusal.notFound("given"));
    }

    @Test
    void otherFailuresPassThroughUnchanged() {
        IllegalStateException bug = new IllegalStateException("bug");

        assertThatThrownBy(() -> handle(bug)).isSameAs(bug);
    }

    private Refusal refusalFor(Exception thrown) {
        try {
            handle(thrown);
        } catch (CommandExecutionException e) {
            return e.<Refusal>getDetails().orElseThrow();
        } catch (Exception e) {
            throw new AssertionError("Expected a CommandExecutionException, got " + e, e);
        }
        throw new AssertionError("Nothing was thrown");
    }

    private void handle(Exception thrown) throws Exception {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage("cmd");
        DefaultUnitOfWork<CommandMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(command);
        try {
            interceptor.handle(unitOfWork, () -> {
                throw thrown;
            });
        } finally {
            unitOfWork.rollback();
        }
    }
}
