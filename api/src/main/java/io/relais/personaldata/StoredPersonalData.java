package io.relais.personaldata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.lead.LeadCaptured;
import io.relais.lead.LeadConsentWithdrawn;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Brings the events stored before encryption under it (ADR 013): each event that can hold personal data and
 * has no envelope yet is rewritten as the engine writes it now. Run once, by the V16 migration, before the
 * store's chain of hashes exists; it reads and writes in batches by position.
 */
final class StoredPersonalData {

    private static final int BATCH = 500;
    /**
     * Older revisions whose personal fields lie where the current revision's do, so that the current
     * classification locates them: revision 1 of these added {@code textVersion} inside consents that are personal
     * as a whole.
     */
    private static final Set<String> CLASSIFIED_AS_CURRENT = Set.of(LeadCaptured.class.getName() + "@null",
            LeadConsentWithdrawn.class.getName() + "@null");

    private final JdbcTemplate jdbc;
    private final PersonalDataProtection protection;
    private final Serializer serializer;
    private final ObjectMapper mapper;
    private final Map<String, Class<?>> events;

    StoredPersonalData(JdbcTemplate jdbc, PersonalDataProtection protection, Serializer serializer, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.serializer = serializer;
        this.mapper = mapper;
        this.events = PersonalData.CATALOGUE.events().stream().filter(protection::mayHoldPersonalData)
                .collect(Collectors.toMap(Class::getName, Function.identity()));
    }

    /** Encrypts what is still plaintext; the number of events rewritten. */
    int encrypt() {
        record Stored(long position, String type, String revision, String payload) {
        }
        String[] types = events.keySet().toArray(String[]::new);
        int rewritten = 0;
        long after = -1;
        while (true) {
            List<Stored> batch = jdbc.query("select globalindex, payloadtype, payloadrevision, payload "
                            + "from domainevententry where globalindex > ? and payloadtype = any(?) "
                            + "order by globalindex limit " + BATCH,
                    (rs, row) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                    after, types);
            if (batch.isEmpty()) {
                return rewritten;
            }
            for (Stored event : batch) {
                String encrypted = encrypted(event.type(), event.revision(), event.payload());
                if (!encrypted.equals(event.payload())) {
                    jdbc.update("update domainevententry set payload = ? where globalindex = ?", encrypted,
                            event.position());
                    rewritten++;
                }
            }
            after = batch.get(batch.size() - 1).position();
        }
    }

    private String encrypted(String type, String revision, String payload) {
        if (PersonalDataProtection.hasEnvelopes(payload)) {
            return payload;
        }
        Class<?> event = events.get(type);
        String current = serializer.typeForClass(event).getRevision();
        if (!Objects.equals(current, revision) && !CLASSIFIED_AS_CURRENT.contains(type + "@" + revision)) {
            throw new IllegalStateException("A stored " + type + " of revision " + revision + " is not of the current "
                    + "revision " + current + ": its personal fields cannot be located");
        }
        try {
            JsonNode tree = mapper.readTree(payload);
            if (!(tree instanceof ObjectNode object)) {
                return payload;
            }
            protection.protect(event, object);
            String written = mapper.writeValueAsString(object);
            return mapper.readTree(written).equals(mapper.readTree(payload)) ? payload : written;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored " + type + " is not JSON", e);
        }
    }
}
