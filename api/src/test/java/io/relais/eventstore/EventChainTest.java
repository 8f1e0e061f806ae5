package io.relais.eventstore;

import io.relais.support.ApiTestSupport;
import io.relais.support.NeedsPostgreSqlEventStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every appended event is chained to the previous one of its stream; a changed, missing or moved row breaks it. */
@NeedsPostgreSqlEventStore
class EventChainTest extends ApiTestSupport {

    @Test
    void theEventsOfAStreamAreChainedAsAppended() {
        String lead = stream();

        StreamChainCheck check = check(rows(lead));

        assertThat(check.checked()).isGreaterThanOrEqualTo(3);
        assertThat(check.breaks()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where hash is null", Long.class)).isZero();
    }

    @Test
    void aChangedPayloadMetadataOrTimestampBreaksTheChainAtThatEvent() {
        List<ChainedRow> rows = rows(stream());
        ChainedRow second = rows.get(1);

        assertThat(check(replace(rows, 1, new ChainedRow(second.position(), second.type(), second.aggregateId(),
                second.sequenceNumber(), second.eventId(), second.timestamp(), second.payloadType(),
                second.payloadRevision(), second.payload().replace("WORKING", "QUALIFIED") + " ", second.metaData(),
                second.hash()))).breaks())
                .extracting(ChainBreak::sequenceNumber).containsExactly(1L);
        assertThat(check(replace(rows, 1, new ChainedRow(second.position(), second.type(), second.aggregateId(),
                second.sequenceNumber(), second.eventId(), second.timestamp(), second.payloadType(),
                second.payloadRevision(), second.payload(), second.metaData().replace("admin", "alice"),
                second.hash()))).breaks())
                .extracting(ChainBreak::sequenceNumber).containsExactly(1L);
        assertThat(check(replace(rows, 1, new ChainedRow(second.position(), second.type(), second.aggregateId(),
                second.sequenceNumber(), second.eventId(), "2020-01-01T00:00:00Z", second.payloadType(),
                second.payloadRevision(), second.payload(), second.metaData(), second.hash()))).breaks())
                .extracting(ChainBreak::sequenceNumber).containsExactly(1L);
    }

    @Test
    void aDeletedOrSwappedEventBreaksTheChain() {
        List<ChainedRow> rows = rows(stream());
        List<ChainedRow> deleted = new ArrayList<>(rows);
        deleted.remove(1);
        List<ChainedRow> swapped = new ArrayList<>(rows);
        swapped.set(1, rows.get(2));
        swapped.set(2, rows.get(1));

        assertThat(check(deleted).breaks()).singleElement()
                .satisfies(broken -> assertThat(broken.reason()).contains("events 1 to 1 of the record are missing"));
        assertThat(check(swapped).breaks()).isNotEmpty();
    }

    private String stream() {
        String lead = created(api().post("/api/v1/leads", "{\"email\": \"chain@example.fr\", \"source\": \"WEB_FORM\"}"));
        api().post("/api/v1/leads/" + lead + "/start-work", null);
        api().post("/api/v1/leads/" + lead + "/qualify", null);
        return lead;
    }

    private List<ChainedRow> rows(String aggregateId) {
        return jdbc.query("select * from domainevententry where aggregateidentifier = ? order by sequencenumber",
                (row, number) -> new ChainedRow(row.getLong("globalindex"), row.getString("type"),
                        row.getString("aggregateidentifier"), row.getLong("sequencenumber"),
                        row.getString("eventidentifier"), row.getString("timestamp"), row.getString("payloadtype"),
                        row.getString("payloadrevision"), row.getString("payload"), row.getString("metadata"),
                        row.getBytes("hash")), aggregateId);
    }

    private static StreamChainCheck check(List<ChainedRow> rows) {
        StreamChainCheck check = new StreamChainCheck();
        rows.forEach(check::accept);
        return check;
    }

    private static List<ChainedRow> replace(List<ChainedRow> rows, int index, ChainedRow row) {
        List<ChainedRow> changed = new ArrayList<>(rows);
        changed.set(index, row);
        return changed;
    }
}
