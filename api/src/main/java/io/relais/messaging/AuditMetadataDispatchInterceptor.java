package io.relais.messaging;

import io.relais.common.AuditMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps every command sent from outside a unit of work with the acting user, the request's correlation id and
 * the reason the caller gave for the change. Commands sent while handling another message (process managers) already carry them
 * through {@link AuditCorrelationDataProvider}.
 */
@Component
public class AuditMetadataDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (command.getMetaData().containsKey(AuditMetadata.USER_ID)) {
                return command;
            }
            ActingContext context = ActingContext.current().orElseThrow(() -> new IllegalStateException(
                    "Command " + command.getCommandName() + " sent without an acting user"));
            Map<String, Object> audit = new HashMap<>();
            audit.put(AuditMetadata.USER_ID, context.userId());
            audit.put(AuditMetadata.CORRELATION_ID, context.correlationId());
            audit.put(AuditMetadata.CAUSATION_ID, context.correlationId());
            if (context.onBehalfOf() != null) {
                audit.put(AuditMetadata.ON_BEHALF_OF, context.onBehalfOf());
            }
            if (context.changeReason() != null) {
                audit.put(AuditMetadata.CHANGE_REASON, context.changeReason());
            }
            return command.andMetaData(audit);
        };
    }
}
