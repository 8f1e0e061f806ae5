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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a command's refusal into a {@link CommandExecutionException} whose details are a {@link Refusal}.
 * Exceptions themselves do not cross Axon Server; the details do, so the sender can answer the same
 * 4xx whether the command was handled in this JVM or on another node. Each refusal is logged here, where it
 * happens, in one line.
 */
@Component
public class RefusalTranslatingInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(RefusalTranslatingInterceptor.class);
    private static final CommandTargetResolver TARGETS = AnnotationCommandTargetResolver.builder().build();

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (DomainException e) {
            throw refused(unitOfWork, e, e.refusal());
        } catch (AggregateNotFoundException e) {
            throw refused(unitOfWork, e, Refusal.notFound(String.valueOf(e.getAggregateIdentifier())));
        } catch (IncompatibleAggregateException e) {
            // the id is another kind of record's: its events do not build this aggregate
            throw refused(unitOfWork, e, Refusal.notFound(target(unitOfWork.getMessage())));
        }
    }

    private static String target(CommandMessage<?> command) {
        try {
            return TARGETS.resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return "given";
        }
    }

    /** A refusal is a normal outcome: one line, no stack trace. */
    private static CommandExecutionException refused(UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                                                     Exception cause, Refusal refusal) {
        log.info("Refused {}: {} (field {}): {}", unitOfWork.getMessage().getPayloadType().getSimpleName(),
                refusal.code(), refusal.field(), refusal.message());
        return new CommandExecutionException(refusal.message(), cause, refusal);
    }
}
