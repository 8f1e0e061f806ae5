package io.relais.organisation;

import io.relais.web.ReadYourWrites;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Sends an organisation command and answers once the organisation read model shows it, so that the next
 * request (a sign-in, a visibility check, an authorised command) already sees the change.
 */
@Component
class OrganisationWrites {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final ReadModelOrganisationDirectory directory;

    OrganisationWrites(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites,
                       ReadModelOrganisationDirectory directory) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.directory = directory;
    }

    /** @return whether the read model reached the write within the configured bound */
    boolean send(Object command) {
        long version = commands.<Long>sendAndWait(command);
        boolean shown = readYourWrites.await(() -> Optional.of(queries.query(new FindOrganisationVersion(), Long.class)
                .join()), reached -> reached >= version).isPresent();
        directory.invalidate();
        return shown;
    }
}
