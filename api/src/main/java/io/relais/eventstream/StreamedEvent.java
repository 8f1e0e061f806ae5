package io.relais.eventstream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One event as the stream serves it (docs/events.md): its store position, its record as the audit view names it,
 * its metadata, and its payload with the personal values decrypted, or {@code null} where the person was erased.
 */
public record StreamedEvent(long position, String eventId, String type, String payloadType, String payloadRevision,
                            String recordType, String recordId, String aggregateType, String aggregateId,
                            long sequenceNumber, String timestamp, JsonNode metaData, JsonNode payload,
                            boolean personalDataErased) {

    /** Writes this event as one line of JSON Lines. */
    public void writeLine(JsonGenerator line) {
        try {
            line.writeStartObject();
            line.writeNumberField("position", position);
            line.writeStringField("eventId", eventId);
            line.writeStringField("type", type);
            line.writeStringField("payloadType", payloadType);
            line.writeStringField("payloadRevision", payloadRevision);
            line.writeStringField("recordType", recordType);
            line.writeStringField("recordId", recordId);
            line.writeStringField("aggregateType", aggregateType);
            line.writeStringField("aggregateId", aggregateId);
            line.writeNumberField("sequenceNumber", sequenceNumber);
            line.writeStringField("timestamp", timestamp);
            line.writeFieldName("metaData");
            line.writeTree(metaData);
            line.writeFieldName("payload");
            line.writeTree(payload);
            line.writeBooleanField("personalDataErased", personalDataErased);
            line.writeEndObject();
            line.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
