package io.relais.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.relais.personaldata.PersonalDataCatalogue.ChangeList;
import io.relais.personaldata.PersonalDataCatalogue.Scope;
import io.relais.personaldata.PersonalDataCatalogue.SubjectAt;
import io.relais.personaldata.PersonalDataCatalogue.SubjectOfRecord;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Encrypts the personal values of a stored event, and decrypts them back (ADR 013). In the stored JSON each
 * personal value is {@code null}, and the record that names the data subject carries an envelope,
 * {@code "$personal": {"subject": "LEAD/…", "data": "…"}}: the values, by their JSON pointer below that
 * record, encrypted with the subject's key. Once the key is erased the envelope no longer opens, and the
 * values read as the {@code null} stored in their place. Events stored before encryption read as they are.
 */
public class PersonalDataProtection {

    static final String ENVELOPE = "$personal";
    /** The subject of an envelope in stored JSON: {@link #envelope} writes it first. */
    private static final Pattern ENVELOPE_SUBJECT = Pattern.compile("\"\\$personal\":\\{\"subject\":\"([^\"]+)\"");
    private static final List<String> CHANGE_VALUES = List.of("oldValue", "newValue");

    private final PersonalDataCatalogue catalogue;
    private final SubjectKeys keys;
    private final ObjectMapper mapper;
    /**
     * Stored events read lately, their envelopes opened: each of the engine's processors reads every event in
     * turn, and decrypts it once instead of once each. Forgotten at every erasure.
     */
    private final Cache<String, JsonNode> revealed = Caffeine.newBuilder()
            .maximumSize(5_000).expireAfterWrite(Duration.ofSeconds(30)).build();

    PersonalDataProtection(PersonalDataCatalogue catalogue, SubjectKeys keys, ObjectMapper mapper) {
        this.catalogue = catalogue;
        this.keys = keys;
        this.mapper = mapper;
        keys.onErasure(revealed::invalidateAll);
    }

    /** Whether events of this type can hold personal data. */
    boolean mayHoldPersonalData(Class<?> type) {
        return !catalogue.scopes(type).isEmpty();
    }

    /** Moves the personal values of {@code payload}, an event of type {@code type}, into envelopes. */
    void protect(Class<?> type, ObjectNode payload) {
        for (Scope scope : catalogue.scopes(type)) {
            for (ObjectNode node : objectsAt(payload, scope.location())) {
                Optional<DataSubject> subject = subjectOf(node, scope);
                if (subject.isEmpty()) {
                    continue;
                }
                scope.registers().flatMap(registration -> text(node, registration.path()))
                        .ifPresent(id -> keys.registerRecord(scope.registers().get().recordKind(), id, subject.get()));
                ObjectNode values = mapper.createObjectNode();
                for (List<String> field : scope.personalFields()) {
                    take(node, field, 0, "", values);
                }
                for (ChangeList changes : scope.changeLists()) {
                    takeChanges(node, changes, values);
                }
                if (!values.isEmpty()) {
                    keys.keyForWriting(subject.get())
                            .ifPresent(key -> node.set(ENVELOPE, envelope(subject.get(), key, values)));
                }
            }
        }
    }

    /** Whether the stored JSON has envelopes to open (a cheap look at the text). */
    static boolean hasEnvelopes(String json) {
        return json.contains("\"" + ENVELOPE + "\"");
    }

    /**
     * The stored JSON of an event as its readers see it: with its envelopes opened, if it has any (the erased
     * person's values {@code null}). Shared by its readers, so never to be changed.
     */
    public JsonNode readable(String stored) {
        return hasEnvelopes(stored) ? revealed(stored) : parse(stored);
    }

    /** Whether the stored JSON of an event holds values of a person whose key is erased (they read as null). */
    public boolean holdsErasedData(String stored) {
        Matcher envelope = ENVELOPE_SUBJECT.matcher(stored);
        while (envelope.find()) {
            if (keys.keyForReading(subject(envelope.group(1))).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The stored JSON of an event with its envelopes opened (see {@link #reveal(JsonNode)}): shared by its readers,
     * so never to be changed.
     */
    JsonNode revealed(String stored) {
        return revealed.get(stored, json -> reveal(parse(json)));
    }

    private JsonNode parse(String stored) {
        try {
            return mapper.readTree(stored);
        } catch (IOException e) {
            throw new IllegalStateException("A stored event is not JSON", e);
        }
    }

    /** Opens the envelopes of a stored event in place; the values of an erased subject stay {@code null}. */
    public JsonNode reveal(JsonNode stored) {
        if (stored instanceof ContainerNode<?>) {
            reveal((ContainerNode<?>) stored);
        }
        return stored;
    }

    private void reveal(ContainerNode<?> node) {
        if (node instanceof ObjectNode object && object.has(ENVELOPE)) {
            open(object, object.remove(ENVELOPE));
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            if (children.next() instanceof ContainerNode<?> child) {
                reveal(child);
            }
        }
    }

    private void open(ObjectNode node, JsonNode envelope) {
        DataSubject subject = subject(envelope.path("subject").asText());
        Optional<SecretKey> key = keys.keyForReading(subject);
        if (key.isEmpty()) {
            return;
        }
        try {
            byte[] plaintext = Aead.open(key.get(), Base64.getDecoder().decode(envelope.path("data").asText()),
                    binding(subject));
            for (Map.Entry<String, JsonNode> value : mapper.readTree(plaintext).properties()) {
                put(node, value.getKey(), value.getValue());
            }
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            throw new IllegalStateException("The personal data of " + subject + " in a stored event does not "
                    + "decrypt: it was altered, or encrypted for another subject", e);
        }
    }

    private ObjectNode envelope(DataSubject subject, SecretKey key, ObjectNode values) {
        byte[] plaintext;
        try {
            plaintext = mapper.writeValueAsBytes(values);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write personal values as JSON", e);
        }
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("subject", subject.toString());
        envelope.put("data", Base64.getEncoder().encodeToString(Aead.seal(key, plaintext, binding(subject))));
        return envelope;
    }

    private static void take(JsonNode node, List<String> path, int step, String pointer, ObjectNode values) {
        String name = path.get(step);
        if (PersonalDataCatalogue.EACH.equals(name)) {
            for (int index = 0; index < node.size(); index++) {
                takeAt(node, String.valueOf(index), node.get(index), path, step, pointer, values);
            }
        } else if (node instanceof ObjectNode object && object.hasNonNull(name)) {
            takeAt(object, name, object.get(name), path, step, pointer, values);
        }
    }

    private static void takeAt(JsonNode parent, String name, JsonNode value, List<String> path, int step,
                               String pointer, ObjectNode values) {
        String here = pointer + "/" + name;
        if (step == path.size() - 1) {
            if (!value.isNull()) {
                values.set(here, value);
                replace(parent, name, NullNode.getInstance());
            }
        } else {
            take(value, path, step + 1, here, values);
        }
    }

    private static void takeChanges(ObjectNode node, ChangeList changes, ObjectNode values) {
        String pointer = "/" + String.join("/", changes.path());
        JsonNode list = node.at(pointer);
        for (int index = 0; index < list.size(); index++) {
            JsonNode change = list.get(index);
            if (change instanceof ObjectNode object && changes.personalFields().contains(object.path("field").asText())) {
                for (String value : CHANGE_VALUES) {
                    if (object.hasNonNull(value)) {
                        values.set(pointer + "/" + index + "/" + value, object.get(value));
                        object.putNull(value);
                    }
                }
            }
        }
    }

    private static void put(ObjectNode node, String pointer, JsonNode value) {
        int last = pointer.lastIndexOf('/');
        JsonNode parent = last == 0 ? node : node.at(pointer.substring(0, last));
        replace(parent, pointer.substring(last + 1), value);
    }

    private static void replace(JsonNode parent, String name, JsonNode value) {
        if (parent instanceof ObjectNode object) {
            object.set(name, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(name), value);
        }
    }

    private Optional<DataSubject> subjectOf(ObjectNode node, Scope scope) {
        if (scope.subject() instanceof SubjectAt at) {
            return text(node, at.path()).map(id -> new DataSubject(at.kind(), id));
        }
        SubjectOfRecord record = (SubjectOfRecord) scope.subject();
        return text(node, record.path()).flatMap(id -> keys.subjectOfRecord(record.recordKind(), id));
    }

    private static Optional<String> text(JsonNode node, List<String> path) {
        JsonNode value = node;
        for (String name : path) {
            value = value.path(name);
        }
        return value.isTextual() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static List<ObjectNode> objectsAt(JsonNode node, List<String> location) {
        List<ObjectNode> found = new ArrayList<>();
        collect(node, location, 0, found);
        return found;
    }

    private static void collect(JsonNode node, List<String> location, int step, List<ObjectNode> found) {
        if (step == location.size()) {
            if (node instanceof ObjectNode object) {
                found.add(object);
            }
        } else if (PersonalDataCatalogue.EACH.equals(location.get(step))) {
            node.forEach(element -> collect(element, location, step + 1, found));
        } else {
            collect(node.path(location.get(step)), location, step + 1, found);
        }
    }

    private static DataSubject subject(String text) {
        int slash = text.indexOf('/');
        try {
            return new DataSubject(DataSubjectKind.valueOf(text.substring(0, Math.max(slash, 0))), text.substring(slash + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A stored envelope of personal data names no known subject: " + text, e);
        }
    }

    private static byte[] binding(DataSubject subject) {
        return subject.toString().getBytes(StandardCharsets.UTF_8);
    }
}
