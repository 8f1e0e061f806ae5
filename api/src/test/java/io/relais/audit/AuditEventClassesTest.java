package io.relais.audit;

import io.relais.eventstore.EventClasses;
import io.relais.eventstore.EventTypes;
import io.relais.eventstore.StoredEvent;
import io.relais.support.ApiTestSupport;
import io.relais.support.NeedsPostgreSqlEventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit view renders every event class of the engine: each golden sample (ADR 012; StoredEventSamplesTest
 * makes sure every event class has one) is given its record by the event store's own {@code audit_record}
 * function, then read through Axon's serializer and upcasters and folded with the earlier samples of its record,
 * as the view does with stored events. An event that belongs to no known kind of record, cannot be read, or whose
 * type the view's filter would not know, fails here.
 */
@NeedsPostgreSqlEventStore
class AuditEventClassesTest extends ApiTestSupport {

    @Autowired
    private AuditTrail trail;

    @Autowired
    private EventTypes events;

    @Test
    void everyEventClassRendersAsAnEntryOfAKnownRecord() {
        Set<String> rendered = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        StoredEvent.storesByRevision().stream().flatMap(store -> store.stream()
                .collect(Collectors.groupingBy(sample -> List.of(sample.type(), sample.aggregateIdentifier()),
                        LinkedHashMap::new, Collectors.toList())).entrySet().stream()).forEach(streamSamples -> {
            List<String> stream = streamSamples.getKey();
            List<StoredEvent> samples = streamSamples.getValue();
            List<AuditTrail.StoredRow> rows = new ArrayList<>();
            for (StoredEvent sample : samples) {
                rows.add(new AuditTrail.StoredRow(rows.size() + 1, jdbc.queryForObject("select audit_record(?, ?, ?, ?)",
                        String.class, sample.type(), sample.aggregateIdentifier(), sample.payloadType(),
                        sample.payload()), sample.asEntry()));
            }
            try {
                for (AuditEntry entry : trail.render(rows)) {
                    assertThat(entry.record().id()).as(entry.type()).isNotBlank();
                    assertThat(events.storedType(entry.type())).as(entry.type()).isPresent();
                    assertThat(entry.userId()).as(entry.type()).isNotBlank();
                    rendered.add(entry.type());
                }
            } catch (RuntimeException | AssertionError e) {
                problems.add(stream + ": " + e);
            }
        });

        assertThat(problems).isEmpty();
        URL testClasses = AuditEventClassesTest.class.getProtectionDomain().getCodeSource().getLocation();
        assertThat(rendered).containsAll(EventClasses.handledBy(handler -> !handler.getProtectionDomain()
                .getCodeSource().getLocation().equals(testClasses)).stream().map(Class::getSimpleName).toList());
    }
}
