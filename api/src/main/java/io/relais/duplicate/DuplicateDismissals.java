package io.relais.duplicate;

import io.relais.web.RecordEndpoints;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Records that a proposed pair is not a duplicate, and answers once the duplicates list no longer shows it. */
@Component
public class DuplicateDismissals {

    private final RecordEndpoints endpoints;
    private final QueryGateway queries;

    public DuplicateDismissals(RecordEndpoints endpoints, QueryGateway queries) {
        this.endpoints = endpoints;
        this.queries = queries;
    }

    /** 204 once the list leaves the pair out, 202 if the read model is slower than the read-your-writes bound. */
    public ResponseEntity<Void> dismiss(Object command, RecordKind kind, String recordId, String otherId) {
        endpoints.send(command);
        boolean shown = endpoints.await(() -> queries.query(new FindDuplicateDismissal(kind, recordId, otherId),
                ResponseTypes.optionalInstanceOf(Instant.class)).join(), dismissedAt -> true).isPresent();
        return shown ? ResponseEntity.noContent().build() : ResponseEntity.accepted().build();
    }
}
