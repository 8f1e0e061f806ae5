package io.relais.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.eventstore.EventStoreConfiguration;
import io.relais.eventstore.StoredEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lead events stored before consents had a text version, upcast to revision 1 (ADR 012), on their golden
 * samples: the old sample of each, read as the storage engine reads it, with the engine's Jackson SERIALIZER.
 */
class ConsentTextVersionUpcasterTest {

    private static final JacksonSerializer SERIALIZER = new EventStoreConfiguration().serializer();

    private final LeadCommandConfiguration configuration = new LeadCommandConfiguration();

    @Test
    void aCaptureStoredBeforeRevisionOneHasAConsentWithoutTextVersion() {
        StoredEvent sample = sample(LeadCaptured.class, null);

        IntermediateEventRepresentation upcast = upcastOnce(configuration.leadCapturedUpcaster(), sample);

        assertThat(upcast.getType()).isEqualTo(new SimpleSerializedType(LeadCaptured.class.getName(), "1"));
        assertThat(payload(upcast)).isEqualTo(withNullTextVersion(sample, "consent"));
        LeadCaptured captured = SERIALIZER.deserialize(upcast.getData(JsonNode.class));
        assertThat(captured.consent()).isEqualTo(new MarketingConsent(true, LocalDate.parse("2026-11-12"),
                ConsentChannel.WEB_FORM, null));
        assertThat(captured.details().email()).isEqualTo("jeanne.martin@atelier-martin.fr");
        assertThat(captured.ownerId()).isEqualTo("claire.dubois");
    }

    @Test
    void aWithdrawalStoredBeforeRevisionOneHasConsentsWithoutTextVersion() {
        StoredEvent sample = sample(LeadConsentWithdrawn.class, null);

        IntermediateEventRepresentation upcast = upcastOnce(configuration.leadConsentWithdrawnUpcaster(), sample);

        assertThat(upcast.getType()).isEqualTo(new SimpleSerializedType(LeadConsentWithdrawn.class.getName(), "1"));
        assertThat(payload(upcast)).isEqualTo(withNullTextVersion(sample, "consent", "previousConsent"));
        LeadConsentWithdrawn withdrawn = SERIALIZER.deserialize(upcast.getData(JsonNode.class));
        assertThat(withdrawn).isEqualTo(new LeadConsentWithdrawn("3f1c2a9e-8d4b-4e57-9a61-2c7d5e8b1f04",
                new MarketingConsent(false, LocalDate.parse("2026-11-12"), ConsentChannel.EMAIL, null),
                new MarketingConsent(true, LocalDate.parse("2026-11-12"), ConsentChannel.WEB_FORM, null)));
    }

    /** An encrypted consent is null in the stored JSON, and a withdrawal may replace no consent: both stay null. */
    @Test
    void aConsentThatIsNotStoredAsAnObjectIsLeftAsItIs() {
        StoredEvent sample = sample(LeadConsentWithdrawn.class, null);
        ObjectNode stored = (ObjectNode) tree(sample.payload());
        stored.putNull("previousConsent");
        StoredEvent withoutPrevious = new StoredEvent(sample.eventIdentifier(), sample.aggregateIdentifier(),
                sample.sequenceNumber(), sample.type(), sample.timeStamp(), sample.payloadType(), null,
                stored.toString(), sample.metaData());

        JsonNode upcast = payload(upcastOnce(configuration.leadConsentWithdrawnUpcaster(), withoutPrevious));

        assertThat(upcast.get("previousConsent").isNull()).isTrue();
        assertThat(upcast.get("consent").get("textVersion").isNull()).isTrue();
    }

    @Test
    void onlyTheRevisionBeforeOneIsUpcast() {
        StoredEvent current = sample(LeadCaptured.class, "1");

        List<IntermediateEventRepresentation> upcast = configuration.leadCapturedUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(current.asEntry(), SERIALIZER))).toList();

        assertThat(upcast).singleElement().satisfies(event -> {
            assertThat(event.getType().getRevision()).isEqualTo("1");
            assertThat(payload(event)).isEqualTo(tree(current.payload()));
        });
    }

    @Test
    void eachUpcasterUpcastsItsOwnEventOnly() {
        StoredEvent capture = sample(LeadCaptured.class, null);

        IntermediateEventRepresentation untouched = upcastOnce(configuration.leadConsentWithdrawnUpcaster(), capture);

        assertThat(untouched.getType().getRevision()).isNull();
        assertThat(payload(untouched)).isEqualTo(tree(capture.payload()));
    }

    private IntermediateEventRepresentation upcastOnce(ConsentTextVersionUpcaster upcaster, StoredEvent sample) {
        return upcaster.upcast(Stream.of(new InitialEventRepresentation(sample.asEntry(), SERIALIZER)))
                .reduce((first, second) -> {
                    throw new AssertionError("one stored event became two");
                }).orElseThrow();
    }

    private static StoredEvent sample(Class<?> event, String revision) {
        return StoredEvent.samples().stream()
                .filter(sample -> sample.payloadType().equals(event.getName())
                        && Objects.equals(sample.payloadRevision(), revision))
                .findFirst().orElseThrow(() -> new AssertionError("no sample of " + event + " revision " + revision));
    }

    private static JsonNode withNullTextVersion(StoredEvent sample, String... consents) {
        ObjectNode payload = (ObjectNode) tree(sample.payload());
        for (String consent : consents) {
            ((ObjectNode) payload.get(consent)).putNull("textVersion");
        }
        return payload;
    }

    private static JsonNode payload(IntermediateEventRepresentation event) {
        return event.getData(JsonNode.class).getData();
    }

    private static JsonNode tree(String json) {
        try {
            return SERIALIZER.getObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
