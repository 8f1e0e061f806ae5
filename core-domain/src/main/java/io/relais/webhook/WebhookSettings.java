package io.relais.webhook;

import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import jakarta.annotation.Nullable;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an administrator says of a webhook subscription. The canonical constructor does not validate, so that
 * stored events always load; {@link #validated()} applies today's rules to new input.
 *
 * @param url         where deliveries are posted: an absolute http or https address
 * @param eventTypes  the events delivered, by their simple names ({@code LeadCaptured}); empty: every type of
 *                    the record types
 * @param recordTypes the kinds of record whose events are delivered ({@code LEAD}, {@code ACCOUNT} …); empty:
 *                    every kind the event types name
 * @param description what the subscription is for, for the people who manage it
 */
public record WebhookSettings(String url, List<String> eventTypes, List<String> recordTypes,
                              @Nullable String description) {

    public static final int MAX_TYPES = 100;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");

    public WebhookSettings validated() {
        List<String> events = names("eventTypes", eventTypes);
        List<String> records = names("recordTypes", recordTypes);
        if (events.isEmpty() && records.isEmpty()) {
            throw new InvalidFieldException("eventTypes", "required",
                    "eventTypes or recordTypes is required: the events the subscription receives");
        }
        return new WebhookSettings(url(url), events, records, Fields.text("description", description, 500));
    }

    /** Whether an event of this type, on a record of this kind, is delivered. */
    public boolean takes(String eventType, String recordType) {
        return (eventTypes.isEmpty() || eventTypes.contains(eventType))
                && (recordTypes.isEmpty() || recordTypes.contains(recordType));
    }

    private static String url(String value) {
        String checked = Fields.required("url", value, 2000);
        URI uri = Fields.webAddress("url", checked, "invalid-url", " must be an absolute http or https address");
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new InvalidFieldException("url", "invalid-url",
                    "url must not hold credentials or a fragment: the secret signs each delivery");
        }
        return checked;
    }

    private static List<String> names(String field, List<String> names) {
        if (names == null) {
            return List.of();
        }
        if (names.size() > MAX_TYPES) {
            throw new InvalidFieldException(field, "too-many",
                    field + " holds at most " + MAX_TYPES + " names (got " + names.size() + ")");
        }
        Set<String> valid = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = Fields.required(field + "[" + i + "]", names.get(i), 100);
            if (!NAME.matcher(name).matches()) {
                throw new InvalidFieldException(field + "[" + i + "]", "invalid-name",
                        field + "[" + i + "] must be a name of letters, digits and '_' (got " + name + ")");
            }
            valid.add(name);
        }
        return List.copyOf(valid);
    }
}
