package io.relais.process;

import io.relais.common.AuditMetadata;
import io.relais.common.Refusal;
import io.relais.organisation.OrganisationIds;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/**
 * Sends the commands that process managers decide on. Each records the system component as the acting
 * user and, as {@code onBehalfOf}, the user whose action started the process; the correlation id follows
 * from the event being handled.
 */
@Component
public class SystemCommands {

    private static final Logger log = LoggerFactory.getLogger(SystemCommands.class);

    private final CommandGateway commands;

    public SystemCommands(CommandGateway commands) {
        this.commands = commands;
    }

    /**
     * Sends {@code command} and waits for it. A refusal (the record changed meanwhile) is logged and
     * answered with empty, since retrying would be refused again; other failures propagate so that the
     * event is retried.
     */
    public <R> Optional<R> send(String component, Object command, MetaData cause) {
        try {
            return Optional.ofNullable(sendOrFail(component, command, cause));
        } catch (CommandExecutionException e) {
            Refusal refusal = refusalOf(e);
            log.warn("{} refused {}: {}", component, command.getClass().getSimpleName(), refusal.message());
            return Optional.empty();
        }
    }

    /** Sends {@code command} and waits for it; answers why it was refused, or empty when it was accepted. */
    public Optional<Refusal> attempt(String component, Object command, MetaData cause) {
        try {
            sendOrFail(component, command, cause);
            return Optional.empty();
        } catch (CommandExecutionException e) {
            return Optional.of(refusalOf(e));
        }
    }

    /**
     * The refusal a failure carries; other failures propagate, so that the event is retried, and so does a write
     * that lost a race with another (a retry reads the record again).
     */
    private static Refusal refusalOf(CommandExecutionException e) {
        return e.getDetails().filter(Refusal.class::isInstance).map(Refusal.class::cast)
                .filter(refusal -> refusal.kind() != Refusal.Kind.CONCURRENT_MODIFICATION).orElseThrow(() -> e);
    }

    /**
     * Sends {@code command} and waits for it; a refusal fails too, for a step that the process must not
     * skip: the event is then retried (the processing group propagates handler failures).
     */
    public <R> R sendOrFail(String component, Object command, MetaData cause) {
        Object causeUser = cause.getOrDefault(AuditMetadata.ON_BEHALF_OF, cause.get(AuditMetadata.USER_ID));
        Map<String, Object> actor = causeUser == null
                ? Map.of(AuditMetadata.USER_ID, OrganisationIds.SYSTEM_PREFIX + component)
                : Map.of(AuditMetadata.USER_ID, OrganisationIds.SYSTEM_PREFIX + component,
                AuditMetadata.ON_BEHALF_OF, causeUser);
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor));
    }
}
