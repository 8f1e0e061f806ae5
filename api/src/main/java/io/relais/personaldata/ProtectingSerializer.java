package io.relais.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

import java.nio.charset.StandardCharsets;

/**
 * The serializer of events: the engine's Jackson serializer, with the personal values of an event moved into
 * encrypted envelopes as it is written and taken out of them as it is read (ADR 013). Whoever reads events
 * through it (aggregates, projections, the dead-letter queue) sees them as they were given, or with the values
 * of an erased person as {@code null}.
 */
public class ProtectingSerializer implements Serializer {

    private final JacksonSerializer delegate;
    private final PersonalDataProtection protection;

    public ProtectingSerializer(JacksonSerializer delegate, PersonalDataProtection protection) {
        this.delegate = delegate;
        this.protection = protection;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null || !protection.mayHoldPersonalData(object.getClass())) {
            return delegate.serialize(object, expectedRepresentation);
        }
        ObjectMapper mapper = delegate.getObjectMapper();
        ObjectNode payload = mapper.valueToTree(object);
        protection.protect(object.getClass(), payload);
        T data = getConverter().convert(payload, JsonNode.class, expectedRepresentation);
        return new SimpleSerializedObject<>(data, expectedRepresentation, typeForClass(object.getClass()));
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        return delegate.deserialize(revealed(serializedObject));
    }

    private <S> SerializedObject<?> revealed(SerializedObject<S> stored) {
        Object data = stored.getData();
        String text = data instanceof String string ? string
                : data instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : null;
        if (text != null) {
            if (!PersonalDataProtection.hasEnvelopes(text)) {
                return stored;
            }
            JsonNode shared = protection.revealed(text);
            // a reader asking for the tree itself gets one of its own
            JsonNode tree = JsonNode.class.isAssignableFrom(classForType(stored.getType())) ? shared.deepCopy() : shared;
            return new SimpleSerializedObject<>(tree, JsonNode.class, stored.getType());
        }
        JsonNode tree = getConverter().convert(data, stored.getContentType(), JsonNode.class);
        if (tree == null || !tree.isContainerNode()) {
            return stored;
        }
        return new SimpleSerializedObject<>(protection.reveal(tree.deepCopy()), JsonNode.class, stored.getType());
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
