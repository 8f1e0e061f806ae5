package io.relais.webhook;

import io.relais.common.InvalidFieldException;
import io.relais.eventstore.EventTypes;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;

/** The body that registers or changes a webhook subscription. */
@Schema(example = """
        {"url": "https://erp.example.fr/relais/events", "eventTypes": ["OpportunityWon", "AccountPromotedToCustomer"],
         "description": "ERP: new customers", "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}""")
record WebhookRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Where deliveries are posted: an absolute "
                + "http or https address that accepts connections when the subscription is saved") String url,
        @Schema(description = "The events delivered, by their simple names (LeadCaptured); empty or absent: every "
                + "event of the recordTypes. At most 100") List<String> eventTypes,
        @Schema(description = "The kinds of record whose events are delivered: LEAD, ACCOUNT (its contacts "
                + "included), OPPORTUNITY, ACTIVITY, PRODUCT, SALES_TARGET, EXCHANGE_RATES, ORGANISATION, EXPORT, "
                + "IMPORT, WEBFORM, WEBHOOK, WORKFLOWRULE; empty or absent: every kind. eventTypes or recordTypes is "
                + "required")
        List<String> recordTypes,
        @Schema(description = "What the subscription is for; at most 500 characters") String description,
        @Schema(accessMode = Schema.AccessMode.WRITE_ONLY, description = "The signing secret as Standard Webhooks "
                + "writes it: whsec_ and 24 to 64 random bytes in Base64. Required to register; when changing, "
                + "absent keeps the current one. Never shown again") String secret) {

    /** The settings asked for, the event types checked against the engine's events. */
    WebhookSettings settings(EventTypes engineEvents) {
        List<String> events = null;
        if (eventTypes != null) {
            events = new ArrayList<>();
            for (int i = 0; i < eventTypes.size(); i++) {
                String name = eventTypes.get(i) == null ? null : eventTypes.get(i).strip();
                if (name != null && !name.isEmpty() && engineEvents.storedType(name).isEmpty()) {
                    throw new InvalidFieldException("eventTypes[" + i + "]", "unknown-event-type",
                            "eventTypes[" + i + "] is none of the engine's events (got " + name + ")");
                }
                events.add(name);
            }
        }
        return new WebhookSettings(url, events, WebhookRecordTypes.named(recordTypes), description).validated();
    }
}
