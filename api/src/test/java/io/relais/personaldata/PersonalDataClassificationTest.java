package io.relais.personaldata;

import io.relais.eventstore.EngineEvents;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every field of every event the engine stores is classified (personal or not) before it can be released. */
class PersonalDataClassificationTest {

    @Test
    void everyFieldOfEveryEventIsClassified() {
        Set<Class<?>> events = EngineEvents.classes();

        List<String> unclassified = events.stream()
                .flatMap(event -> PersonalData.CATALOGUE.unclassified(event).stream())
                .toList();

        assertThat(events).hasSizeGreaterThan(60);
        assertThat(unclassified).as("Classify these in PersonalData (ADR 013)").isEmpty();
    }

    @Test
    void theCatalogueClassifiesOnlyEventsOfTheEngine() {
        assertThat(EngineEvents.classes()).containsAll(PersonalData.CATALOGUE.events());
    }
}
