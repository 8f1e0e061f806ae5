package io.relais.organisation;

import io.relais.web.RecordEndpoints;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Sends an organisation command and answers once the organisation read model shows it, so that the next
 * request (a sign-in, a visibility check, an authorised command) already sees the change.
 */
@Component
class OrganisationWrites {

    private final RecordEndpoints endpoints;
    private final QueryGateway queries;
    private final ReadModelOrganisationDirectory directory;

    OrganisationWrites(RecordEndpoints endpoints, QueryGateway queries, ReadModelOrganisationDirectory directory) {
        this.endpoints = endpoints;
        this.queries = queries;
        this.directory = directory;
    }

    /** @return whether the read model reached the write within the configured bound */
    boolean send(Object command) {
        boolean shown = endpoints.sendAndAwait(command,
                () -> Optional.of(queries.query(new FindOrganisationVersion(), Long.class).join()), version -> version);
        directory.invalidate();
        return shown;
    }
}
