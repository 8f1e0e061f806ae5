package io.relais.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.List;

/**
 * Revision null to 1 of a lead event holding consents (ADR 012): a consent stored before revision 1 was shown no
 * recorded text version, so its {@code textVersion} is null. A consent stored encrypted (ADR 013) is null in the
 * stored JSON and opened only after upcasting; it reads back without the field, which is null all the same.
 */
public class ConsentTextVersionUpcaster extends SingleEventUpcaster {

    private final SerializedType stored;
    private final SerializedType upcast;
    private final List<String> consentFields;

    ConsentTextVersionUpcaster(Class<?> event, String... consentFields) {
        this.stored = new SimpleSerializedType(event.getName(), null);
        this.upcast = new SimpleSerializedType(event.getName(), "1");
        this.consentFields = List.of(consentFields);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return stored.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(upcast, JsonNode.class, payload -> {
            for (String field : consentFields) {
                if (payload.get(field) instanceof ObjectNode consent) {
                    consent.putNull("textVersion");
                }
            }
            return payload;
        });
    }
}
