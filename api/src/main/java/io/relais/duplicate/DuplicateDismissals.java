package io.relais.duplicate;

import io.relais.web.Queries;
import io.relais.web.RecordEndpoints;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Records that a proposed pair is not a duplicate, and answers once the duplicates list no longer shows it. */
@Component
public class DuplicateDismissals {

    private final RecordEndpoints endpoints;
    private final Queries queries;

    public DuplicateDismissals(RecordEndpoints endpoints, Queries queries) {
        this.endpoints = endpoints;
        this.queries = queries;
    }

    /** 204 once the list leaves the pair out, 202 if the read model is slower than the read-your-writes bound. */
    public ResponseEntity<Void> dismiss(Object command, RecordKind kind, String recordId, String otherId) {
        endpoints.send(command);
        boolean shown = endpoints.await(() -> queries.find(new FindDuplicateDismissal(kind, recordId, otherId),
                Instant.class), dismissedAt -> true).isPresent();
        return shown ? ResponseEntity.noContent().build() : ResponseEntity.accepted().build();
    }
}
