package io.relais.lead;

import io.relais.common.AsOf;
import io.relais.common.AuditMetadata;
import io.relais.projection.PastStates;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A lead's past states, rebuilt from its events by the lead projection's own handlers, in memory. */
class LeadPastStatesTest {

    private static final String LEAD = "lead-1";
    private static final Instant CAPTURED = Instant.parse("2026-03-01T09:00:00Z");

    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    // a database that cannot be reached: a past state reads and writes no table
    private final LeadProjection projection = new LeadProjection(new LeadReadRepository(new NamedParameterJdbcTemplate(
            new DriverManagerDataSource("jdbc:postgresql://unreachable.invalid/none"))), new PastStates(events));

    @AfterEach
    void shutDown() {
        events.shutDown();
    }

    @Test
    void eachPastStateIsTheLeadsEventsUpToThenAppliedByTheProjection() {
        append(0, CAPTURED, new LeadCaptured(LEAD, details("Martin", null), LeadSource.WEB_FORM, null, null, null));
        append(1, CAPTURED.plusSeconds(60), new LeadDetailsUpdated(LEAD, details("Martin", "Lyon"), List.of()));
        append(2, CAPTURED.plusSeconds(120), new LeadOwnerAssigned(LEAD, "alice", null));
        append(3, CAPTURED.plusSeconds(180), new LeadWorkStarted(LEAD));

        LeadView first = find(AsOf.version(0)).orElseThrow();
        assertThat(first.version()).isZero();
        assertThat(first.status()).isEqualTo(LeadStatus.NEW);
        assertThat(first.details().city()).isNull();
        assertThat(first.capturedBy()).isEqualTo("admin");
        assertThat(first.updatedAt()).isEqualTo(CAPTURED);

        LeadView between = find(AsOf.instant(CAPTURED.plusSeconds(150))).orElseThrow();
        assertThat(between.version()).isEqualTo(2);
        assertThat(between.details().city()).isEqualTo("Lyon");
        assertThat(between.ownerId()).isEqualTo("alice");
        assertThat(between.status()).isEqualTo(LeadStatus.NEW);
        assertThat(between.updatedAt()).isEqualTo(CAPTURED.plusSeconds(120));

        assertThat(find(AsOf.version(3)).orElseThrow().status()).isEqualTo(LeadStatus.WORKING);
    }

    @Test
    void beforeItsCaptureOrAtAVersionItNeverHadTheLeadIsNotFound() {
        append(0, CAPTURED, new LeadCaptured(LEAD, details("Martin", null), LeadSource.WEB_FORM, null, null, null));

        assertThat(find(AsOf.instant(CAPTURED.minusNanos(1)))).isEmpty();
        assertThat(find(AsOf.version(1))).isEmpty();
        assertThat(projection.find(new FindLeadAsOf("another-lead", AsOf.version(0)))).isEmpty();
    }

    private Optional<LeadView> find(AsOf asOf) {
        return projection.find(new FindLeadAsOf(LEAD, asOf));
    }

    private void append(long sequence, Instant at, Object event) {
        events.publish(new GenericDomainEventMessage<>("Lead", LEAD, sequence, event,
                MetaData.with(AuditMetadata.USER_ID, "admin"), UUID.randomUUID().toString(), at));
    }

    private static LeadDetails details(String lastName, String city) {
        return new LeadDetails(null, lastName, "martin@example.fr", null, null, null, null, null, city, null, null,
                null, null);
    }
}
