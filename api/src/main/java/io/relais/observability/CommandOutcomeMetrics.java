package io.relais.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.relais.common.DomainException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.AxonNonTransientException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Counts commands as {@code relais.commands{command, outcome}}: handled (events committed), refused (a
 * domain rule, a stale version, an unknown record, a repeated creation) or failed (anything else).
 */
@Component
public class CommandOutcomeMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final MeterRegistry registry;

    public CommandOutcomeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
        unitOfWork.afterCommit(u -> count(command, "handled"));
        unitOfWork.onRollback(u -> count(command, outcome(u.getExecutionResult().getExceptionResult())));
        return chain.proceed();
    }

    private static String outcome(Throwable failure) {
        boolean refusal = failure instanceof CommandExecutionException e && e.getDetails().isPresent();
        return refusal || failure instanceof DomainException || failure instanceof ConcurrencyException
                || failure instanceof AggregateStreamCreationException
                || failure instanceof AxonNonTransientException ? "refused" : "failed";
    }

    private void count(String command, String outcome) {
        Counter.builder("relais.commands")
                .description("Commands by outcome")
                .tag("command", command)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
