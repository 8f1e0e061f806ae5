package io.relais.eventstore;

import io.relais.web.ProblemTypes;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * With Axon Server as the event store, the routes that read PostgreSQL's event table (the audit view, its seals,
 * verifications and export, the event stream, a data subject's export) do not exist; this says why, rather than
 * leaving a client with a bare "not found".
 */
@Hidden
@RestController
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
class EventTableRoutes {

    @RequestMapping({"/api/v1/audit", "/api/v1/audit/**", "/api/v1/events", "/api/v1/data-subjects/*/*/export"})
    ProblemDetail unavailable() {
        return ProblemTypes.problem(HttpStatus.NOT_FOUND, "needs-postgresql-event-store",
                "Needs the PostgreSQL event store", "This route reads the engine's own event table: it exists when "
                        + "the events are stored in PostgreSQL, not with Axon Server as the event store");
    }
}
