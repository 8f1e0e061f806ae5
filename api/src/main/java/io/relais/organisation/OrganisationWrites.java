package io.relais.organisation;

import io.relais.web.Queries;
import io.relais.web.RecordEndpoints;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sends an organisation command and answers once the organisation read model shows it, so that the next
 * request (a sign-in, a visibility check, an authorised command) already sees the change.
 */
@Component
class OrganisationWrites {

    private final RecordEndpoints endpoints;
    private final Queries queries;
    private final ReadModelOrganisationDirectory directory;

    OrganisationWrites(RecordEndpoints endpoints, Queries queries, ReadModelOrganisationDirectory directory) {
        this.endpoints = endpoints;
        this.queries = queries;
        this.directory = directory;
    }

    /** @return whether the read model reached the write within the configured bound */
    boolean send(Object command) {
        boolean shown = endpoints.sendAndAwait(command,
                () -> Optional.of(queries.answer(new FindOrganisationVersion(), Long.class)), version -> version);
        directory.invalidate();
        return shown;
    }

    /** Sends the command and answers what {@code changed} reads afterwards (the record as the command left it). */
    <V> V send(Object command, Supplier<V> changed) {
        send(command);
        return changed.get();
    }
}
