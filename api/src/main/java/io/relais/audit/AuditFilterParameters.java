package io.relais.audit;

import io.relais.eventstore.EventTypes;
import io.relais.web.QueryParameters;
import io.swagger.v3.oas.annotations.Parameter;

import java.util.List;

/** The filters of the audit view, as query parameters: an entry must match every one given. */
record AuditFilterParameters(
        @Parameter(description = "The kind of record: LEAD, ACCOUNT, CONTACT, OPPORTUNITY, ACTIVITY, PRODUCT, "
                + "SALES_TARGET, EXCHANGE_RATES, USER, TERRITORY, ORGANISATION, EXPORT, IMPORT, WEBFORM, WEBHOOK or "
                + "WORKFLOWRULE")
        String recordType,
        @Parameter(description = "The record's id: its whole history, as /api/v1/audit/records/{type}/{id} shows it")
        String recordId,
        @Parameter(description = "A user: what they did, and what the system did on their behalf")
        String userId,
        @Parameter(description = "A request's correlation id (its X-Request-Id): everything it caused")
        String correlationId,
        @Parameter(description = "An event type, such as LeadDetailsUpdated; repeat the parameter or separate with "
                + "commas for several")
        List<String> eventType,
        @Parameter(description = "Entries at or after: " + QueryParameters.INSTANT)
        String from,
        @Parameter(description = "Entries before: " + QueryParameters.INSTANT)
        String to) {

    AuditQuery query(EventTypes events, AuditQuery.Paging paging) {
        String type = QueryParameters.text(recordType);
        return new AuditQuery(type == null ? null : AuditRecord.type("recordType", type),
                QueryParameters.text(recordId), QueryParameters.text(userId), QueryParameters.text(correlationId),
                events.storedTypes("eventType", eventType), QueryParameters.instant("from", from).orElse(null),
                QueryParameters.instant("to", to).orElse(null), paging);
    }
}
