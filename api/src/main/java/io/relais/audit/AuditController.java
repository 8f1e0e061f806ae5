package io.relais.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.relais.eventstore.EventTypes;
import io.relais.web.NotFoundException;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditor's view: every event of every record, with who, when, why and what it changed (docs/audit.md).
 * Auditors and administrators read it; it changes nothing.
 */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMINISTRATOR')")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
@Tag(name = "Audit", description = "Every change to every record, for auditors and administrators")
public class AuditController {

    private static final String ENTRY = "Each entry: the store position, the event id and type, the record (type and "
            + "id), when, who (and on whose behalf, for the system's actions), the correlation and causation ids, the "
            + "Change-Reason given with the request, and every field the event set with its value before (in the "
            + "record's history) and after. Paged by store position: pass a page's before (or after) to read on; "
            + "events stored meanwhile never shift a page. Entries may hold personal data.";

    private final AuditTrail trail;
    private final EventTypes events;

    public AuditController(AuditTrail trail, EventTypes events) {
        this.trail = trail;
        this.events = events;
    }

    @GetMapping("/events")
    @Operation(summary = "Every event of every record, filtered", description = "The events that match every "
            + "filter given, newest first unless order=asc. " + ENTRY)
    public AuditEntryRange events(@ParameterObject AuditFilterParameters filter,
                                 @ParameterObject AuditPagingParameters paging) {
        return trail.page(filter.query(events, paging.paging()));
    }

    @GetMapping("/records/{type}/{id}")
    @Operation(summary = "One record's whole history", description = "Every event of the record, newest first "
            + "unless order=asc; type is one of LEAD, ACCOUNT, CONTACT, OPPORTUNITY, ACTIVITY, PRODUCT, SALES_TARGET, "
            + "EXCHANGE_RATES, USER, TERRITORY, ORGANISATION, EXPORT, IMPORT, WEBFORM, WEBHOOK, WORKFLOWRULE. 404 when "
            + "no event belongs to it. " + ENTRY)
    public AuditEntryRange record(@PathVariable String type, @PathVariable String id,
                                 @ParameterObject AuditPagingParameters paging) {
        AuditRecord record = new AuditRecord(AuditRecord.type("type", type), id);
        AuditEntryRange page = trail.page(AuditQuery.of(record, paging.paging()));
        if (page.content().isEmpty() && !trail.exists(record)) {
            throw new NotFoundException(record.type().name(), id);
        }
        return page;
    }
}
