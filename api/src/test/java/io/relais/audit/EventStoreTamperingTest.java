package io.relais.audit;

import io.relais.eventstore.EventHash;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import io.relais.support.NeedsPostgreSqlEventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One test per way of tampering with the event store, made with SQL on a copy of the store (its own schema, so
 * that the engine's store stays intact): each is detected and located; an untouched store verifies.
 */
@NeedsPostgreSqlEventStore
class EventStoreTamperingTest extends ApiTestSupport {

    @Autowired
    private EventSealer sealer;

    @Autowired
    private StoreVerifier verifier;

    @Autowired
    private TransactionTemplate transactions;

    private String lead;
    private long gap;

    /** A lead with four events, and a position handed out but never used (a gap), all sealed. */
    @BeforeEach
    void sealedLead() {
        lead = created(api().post("/api/v1/leads", "{\"email\": \"tamper@example.fr\", \"source\": \"WEB_FORM\"}"));
        gap = jdbc.queryForObject("select nextval('domainevententry_globalindex_seq')", Long.class);
        api().post("/api/v1/leads/" + lead + "/start-work", null);
        api().post("/api/v1/leads/" + lead + "/qualify", null);
        api().patch("/api/v1/leads/" + lead, "{\"city\": \"Lyon\"}", "Content-Type", "application/merge-patch+json");
        long last = position(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            sealer.sealStable();
            return sealer.latest().filter(seal -> seal.toPosition() >= last).isPresent();
        });
    }

    @Test
    void anUntouchedStoreVerifies() {
        Verification verification = tampered(schema -> {
        });

        assertThat(verification.problems()).isEmpty();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.checkedSeals()).isPositive();
        assertThat(verification.sealedUpTo()).isGreaterThanOrEqualTo(position(3));
    }

    @Test
    void aChangedPayloadIsLocated() {
        Verification verification = tampered(schema -> sql("update domainevententry set payload = replace(payload, "
                + "'\"leadId\"', '\"leadId\" ') where aggregateidentifier = ? and sequencenumber = 1", lead));

        assertProblem(verification, 1, "hash does not match its stored columns");
    }

    @Test
    void aChangedUserInTheMetadataIsLocated() {
        Verification verification = tampered(schema -> sql("update domainevententry set metadata = replace(metadata, "
                + "'\"userId\":\"admin\"', '\"userId\":\"someone-else\"') where aggregateidentifier = ? "
                + "and sequencenumber = 2", lead));

        assertProblem(verification, 2, "hash does not match its stored columns");
    }

    @Test
    void aChangedTimestampIsLocated() {
        Verification verification = tampered(schema -> sql("update domainevententry set timestamp = "
                + "'2020-01-01T00:00:00Z' where aggregateidentifier = ? and sequencenumber = 0", lead));

        assertProblem(verification, 0, "hash does not match its stored columns");
    }

    @Test
    void aDeletedEventIsLocatedByItsStreamAndItsSeal() {
        long position = position(2);
        Verification verification = tampered(schema -> sql("delete from domainevententry where aggregateidentifier = ? "
                + "and sequencenumber = 2", lead));

        assertProblem(verification, 3, "events 2 to 2 of the record are missing");
        assertThat(verification.problems()).anySatisfy(problem -> {
            assertThat(problem.position()).isEqualTo(position);
            assertThat(problem.reason()).contains("sealed at this position was deleted");
        });
    }

    @Test
    void anEventInsertedIntoASealedRangeIsLocated() {
        Verification verification = tampered(schema -> sql("insert into domainevententry (globalindex, "
                + "aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload, payloadtype, timestamp, "
                + "hash) values (?, ?, 0, 'Lead', ?, '{}', '{}', 'io.relais.lead.LeadWorkStarted', "
                + "'2026-01-01T00:00:00Z', ?)", gap, "forged-" + UUID.randomUUID(), UUID.randomUUID().toString(),
                new byte[EventHash.LENGTH]));

        assertThat(verification.intact()).isFalse();
        assertThat(verification.problems()).anySatisfy(problem -> {
            assertThat(problem.position()).isEqualTo(gap);
            assertThat(problem.reason()).contains("inserted into a range already sealed");
        });
    }

    @Test
    void twoEventsSwappedAreLocated() {
        long first = position(1);
        long second = position(2);
        Verification verification = tampered(schema -> {
            sql("update domainevententry set globalindex = -1 where globalindex = ?", first);
            sql("update domainevententry set globalindex = ? where globalindex = ?", first, second);
            sql("update domainevententry set globalindex = ? where globalindex = -1", second);
        });

        assertThat(verification.problems()).extracting(VerificationProblem::position).contains(first, second);
        assertThat(verification.problems()).allSatisfy(problem ->
                assertThat(problem.reason()).contains("changed after it was sealed"));
    }

    @Test
    void theNewestEventsDeletedAfterASealAreLocated() {
        long last = position(3);
        Verification verification = tampered(schema -> sql("delete from domainevententry where aggregateidentifier = ? "
                + "and sequencenumber = 3", lead));

        assertThat(verification.problems()).anySatisfy(problem -> {
            assertThat(problem.position()).isEqualTo(last);
            assertThat(problem.reason()).contains("sealed at this position was deleted");
        });
    }

    @Test
    void aStreamRewrittenWithRecomputedHashesIsCaughtByItsSeals() {
        Verification verification = tampered(schema -> {
            sql("update domainevententry set payload = replace(payload, '\"leadId\"', '\"leadId\" ') "
                    + "where aggregateidentifier = ? and sequencenumber = 1", lead);
            byte[] previous = new byte[EventHash.LENGTH];
            for (Map<String, Object> row : jdbc.queryForList("select * from domainevententry where aggregateidentifier = ? "
                    + "order by sequencenumber", lead)) {
                previous = EventHash.of(previous, (String) row.get("type"), lead, (Long) row.get("sequencenumber"),
                        (String) row.get("eventidentifier"), (String) row.get("timestamp"),
                        (String) row.get("payloadtype"), (String) row.get("payloadrevision"), (String) row.get("payload"),
                        (String) row.get("metadata"));
                sql("update domainevententry set hash = ? where globalindex = ?", previous, row.get("globalindex"));
            }
        });

        assertThat(verification.problems()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.recordId()).isEqualTo(lead);
            assertThat(problem.reason()).contains("changed after it was sealed");
        });
        assertThat(verification.problems()).extracting(VerificationProblem::sequenceNumber).contains(1L, 2L, 3L);
    }

    @Test
    void aSealAlteredOrResignedWithoutTheKeyIsLocated() {
        long number = sealer.latest().orElseThrow().sealNumber();

        Verification altered = tampered(schema -> sql("update event_seal set event_count = event_count + 1 "
                + "where seal_number = ?", number));
        Verification resigned = tampered(schema -> sql("update event_seal set signature = ? where seal_number = ?",
                new byte[64], number));

        assertThat(altered.problems()).anySatisfy(problem -> {
            assertThat(problem.sealNumber()).isEqualTo(number);
            assertThat(problem.reason()).contains("does not match its own hash");
        });
        assertThat(resigned.problems()).anySatisfy(problem -> {
            assertThat(problem.sealNumber()).isEqualTo(number);
            assertThat(problem.reason()).contains("signature does not verify");
        });
    }

    @Test
    void auditorsAndAdministratorsVerifyOverHttpOthersMayNot() {
        Response verified = user("auditor", Profile.AUDITOR).api().post("/api/v1/audit/verifications",
                "{\"fromPosition\": " + (position(0) - 1) + "}");

        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.body().get("intact").asBoolean()).isTrue();
        assertThat(user("rep", Profile.SALES_REP).api().post("/api/v1/audit/verifications", "{}").status())
                .isEqualTo(403);
        Response backwards = api().post("/api/v1/audit/verifications", "{\"fromPosition\": 10, \"toPosition\": 5}");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body().get("field").asText()).isEqualTo("toPosition");
    }

    private void assertProblem(Verification verification, long sequenceNumber, String reason) {
        assertThat(verification.intact()).isFalse();
        assertThat(verification.problems()).anySatisfy(problem -> {
            assertThat(problem.recordId()).isEqualTo(lead);
            assertThat(problem.sequenceNumber()).isEqualTo(sequenceNumber);
            assertThat(problem.position()).isEqualTo(position(sequenceNumber == 3 && reason.contains("missing")
                    ? 3 : sequenceNumber));
            assertThat(problem.reason()).contains(reason);
        });
    }

    private long position(long sequenceNumber) {
        return jdbc.queryForObject("select globalindex from domainevententry where aggregateidentifier = ? "
                + "and sequencenumber = ?", Long.class, lead, sequenceNumber);
    }

    private void sql(String statement, Object... arguments) {
        jdbc.update(statement, arguments);
    }

    /** Verifies a copy of the store, in a schema of its own, after {@code tampering} with it. */
    private Verification tampered(Consumer<String> tampering) {
        String schema = "tampered_" + UUID.randomUUID().toString().replace("-", "");
        return verifyCopy(schema, tampering);
    }

    private Verification verifyCopy(String schema, Consumer<String> tampering) {
        jdbc.execute("create schema if not exists " + schema);
        try {
            return transactions.execute(status -> {
                for (String table : List.of("domainevententry", "event_seal")) {
                    jdbc.execute("create table " + schema + "." + table + " (like public." + table
                            + " including defaults including constraints)");
                    jdbc.execute("insert into " + schema + "." + table + " select * from public." + table);
                }
                jdbc.execute("set local search_path to " + schema + ", public");
                tampering.accept(schema);
                return verifier.verify(null, null);
            });
        } finally {
            jdbc.execute("drop schema " + schema + " cascade");
        }
    }
}
