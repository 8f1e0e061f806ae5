package io.relais.messaging;

import io.relais.common.DomainException;
import io.relais.common.Refusal;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.stereotype.Component;

/**
 * Turns a command's refusal into a {@link CommandExecutionException} whose details are a {@link Refusal}.
 * Exceptions themselves do not cross Axon Server; the details do, so the sender can answer the same
 * 4xx whether the command was handled in this JVM or on another node.
 */
@Component
public class RefusalTranslatingInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final CommandTargetResolver TARGETS = AnnotationCommandTargetResolver.builder().build();

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (DomainException e) {
            throw refused(e, e.refusal());
        } catch (ConflictingAggregateVersionException e) {
            throw refused(e, Refusal.staleVersion());
        } catch (AggregateNotFoundException e) {
            throw refused(e, Refusal.notFound(String.valueOf(e.getAggregateIdentifier())));
        } catch (IncompatibleAggregateException e) {
            // the id is another kind of record's: its events do not build this aggregate
            throw refused(e, Refusal.notFound(target(unitOfWork.getMessage())));
        }
    }

    private static String target(CommandMessage<?> command) {
        try {
            return TARGETS.resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return "given";
        }
    }

    private static CommandExecutionException refused(Exception cause, Refusal refusal) {
        return new CommandExecutionException(refusal.message(), cause, refusal);
    }
}
