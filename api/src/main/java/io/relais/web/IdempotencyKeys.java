package io.relais.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.common.AuditMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * Idempotent creation without a side table: the new record's id is derived from the caller and the
 * {@code Idempotency-Key}, so a retry targets the same stream and the event store's unique key refuses
 * a second creation. The first event keeps a hash of the request, which tells a true retry (answer with
 * the first result) from a reuse of the key for another request (refused).
 */
@Component
public class IdempotencyKeys {

    private final ObjectMapper objectMapper;
    private final EventStore eventStore;

    public IdempotencyKeys(ObjectMapper objectMapper, EventStore eventStore) {
        this.objectMapper = objectMapper;
        this.eventStore = eventStore;
    }

    /** The id a new record gets: random without a key, derived from user and key with one. */
    public String newId(String kind, String userId, IdempotencyKey key) {
        if (!key.given()) {
            return UUID.randomUUID().toString();
        }
        return UUID.nameUUIDFromBytes((kind + '\n' + userId + '\n' + key.value()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Metadata to store with the creating command's events. */
    public Map<String, String> metadata(IdempotencyKey key, Object request) {
        return key.given() ? Map.of(AuditMetadata.IDEMPOTENCY_KEY, key.value(), AuditMetadata.REQUEST_HASH,
                hash(request)) : Map.of();
    }

    /** Metadata that makes a command's events record the request they came from, so that a retry is told apart. */
    public Map<String, String> requestMetadata(Object request) {
        return Map.of(AuditMetadata.REQUEST_HASH, hash(request));
    }

    /** After a creation was refused because the stream exists: is it the same request, retried? */
    public void requireSameRequest(String aggregateId, IdempotencyKey key, Object request) {
        if (!madeBy(aggregateId, Object.class, request)) {
            throw new RetryDiffersException(IdempotencyKey.HEADER, "idempotency-key-reused", "Idempotency key reused",
                    "Idempotency-Key '" + key.value() + "' was already used for a different request");
        }
    }

    /**
     * Whether the aggregate's first event of {@code payloadType} came from {@code request}: it records the
     * request's hash, or none at all (stored before its command recorded one: it cannot tell). False when the
     * aggregate has no such event.
     */
    public boolean madeBy(String aggregateId, Class<?> payloadType, Object request) {
        DomainEventStream stream = eventStore.readEvents(aggregateId);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (payloadType.isAssignableFrom(event.getPayloadType())) {
                Object storedHash = event.getMetaData().get(AuditMetadata.REQUEST_HASH);
                return storedHash == null || storedHash.equals(hash(request));
            }
        }
        return false;
    }

    private String hash(Object request) {
        try {
            byte[] json = objectMapper.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint request", e);
        }
    }
}
