package io.relais.eventstream;

import io.relais.audit.AuditRecord;
import io.relais.audit.AuditRecordType;
import io.relais.eventstore.EventTypes;
import io.relais.common.InvalidFieldException;
import io.relais.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;
import java.util.Set;

/** The event stream for analysts (docs/events.md). */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Events", description = "The event store in order, for analysts")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class EventStreamController {

    static final String NDJSON = "application/x-ndjson";
    /** The response header that says up to which position the store was stable when the answer was made. */
    static final String STABLE_POSITION = "Relais-Stable-Position";
    private static final int MAX_LIMIT = 100_000;

    private final EventStream stream;
    private final EventTypes events;

    public EventStreamController(EventStream stream, EventTypes events) {
        this.stream = stream;
        this.events = events;
    }

    @GetMapping(produces = NDJSON)
    @PreAuthorize("hasAnyRole('ANALYST', 'AUDITOR', 'ADMINISTRATOR')")
    @Operation(summary = "Events in store order", description = "Analysts, auditors and administrators. JSON Lines, "
            + "streamed: one event per line with its position, eventId, type (LeadCaptured), payloadType and "
            + "payloadRevision, recordType and recordId (as the audit view names records), aggregateType and "
            + "aggregateId, sequenceNumber, timestamp, metaData and payload; personal values decrypted, or null with "
            + "personalDataErased true once the person was erased. Only positions below which no transaction can "
            + "still commit are served: poll again with after = the last position received, or the "
            + STABLE_POSITION + " header when fewer than limit lines came, and no event is ever missed.",
            responses = @ApiResponse(responseCode = "200", description = "The events",
                    headers = @Header(name = STABLE_POSITION, description = "The store was stable up to this "
                            + "position: every event at or below it that the filters take is in this answer or an "
                            + "earlier one, unless limit cut it short", schema = @Schema(type = "integer",
                            format = "int64")),
                    content = @Content(mediaType = NDJSON, schema = @Schema(type = "string"))))
    public StreamingResponseBody events(
            @Parameter(description = "Events after this store position (default 0: from the first)")
            @RequestParam(required = false) Long after,
            @Parameter(description = "At most this many events, 1 to 100000 (default 10000)")
            @RequestParam(required = false) Integer limit,
            @Parameter(description = "Event types, such as LeadCaptured; repeat the parameter or separate with "
                    + "commas for several")
            @RequestParam(required = false) List<String> type,
            @Parameter(description = "The kind of record: LEAD, ACCOUNT, CONTACT, OPPORTUNITY, ACTIVITY, PRODUCT, "
                    + "SALES_TARGET, EXCHANGE_RATES, USER, TERRITORY, ORGANISATION, EXPORT, IMPORT, WEBFORM, WEBHOOK "
                    + "or WORKFLOWRULE")
            @RequestParam(required = false) String recordType,
            HttpServletResponse response) {
        long from = after == null ? 0 : after;
        if (from < 0) {
            throw new InvalidFieldException("after", "invalid-parameter", "after must be a position, 0 or more");
        }
        int most = limit == null ? 10_000 : limit;
        if (most < 1 || most > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "invalid-parameter", "limit must be 1 to " + MAX_LIMIT);
        }
        Set<String> payloadTypes = events.storedTypes("type", type);
        String kind = QueryParameters.text(recordType);
        AuditRecordType records = kind == null ? null : AuditRecord.type("recordType", kind);
        EventStream.Query query = new EventStream.Query(from, stream.stablePosition(), most, payloadTypes, records);
        response.setContentType(NDJSON);
        response.setHeader(STABLE_POSITION, Long.toString(query.upTo()));
        return out -> stream.write(query, out);
    }
}
