package io.relais.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.RelaisApplication;
import io.relais.account.AccountCreated;
import io.relais.account.AccountDetails;
import io.relais.account.ContactAdded;
import io.relais.account.ContactDetails;
import io.relais.common.AuditMetadata;
import io.relais.opportunity.ForecastCategory;
import io.relais.opportunity.OpportunityOpened;
import io.relais.opportunity.OpportunityStageChanged;
import io.relais.opportunity.SalesStage;
import io.relais.organisation.DeadLetterEvicted;
import io.relais.support.HttpApi;
import io.relais.support.HttpApi.Response;
import io.relais.support.TestDataDirectories;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events a projection cannot apply, stored as they may be (the API may refuse them today, but stored events are
 * for ever): each is dead-lettered with its cause, the later events of its record queue behind it, and everything
 * else is projected; health says so. These events poison every replay of the projections that see them, so the
 * tests run on an application and a database of their own rather than the shared ones; a test-only projection,
 * {@code probes}, fails where it is told to.
 */
class ProjectionFailureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_PASSWORD = "projection-failure-admin";
    private static final String PROBES = "probes";
    private static final String REFUSE = "refuse";
    private static final SalesStage PROSPECTING = new SalesStage("PROSPECTING", 10, ForecastCategory.PIPELINE);
    private static final SalesStage QUALIFICATION = new SalesStage("QUALIFICATION", 25, ForecastCategory.PIPELINE);
    private static ConfigurableApplicationContext application;
    private static JdbcTemplate jdbc;
    private static HttpApi api;

    @BeforeAll
    static void start() {
        application = new SpringApplicationBuilder(RelaisApplication.class, ProbeConfiguration.class).run(
                "--server.port=0",
                "--relais.embedded-db.data-directory=" + TestDataDirectories.fresh("projection-failure"),
                "--relais.admin.password=" + ADMIN_PASSWORD, "--relais.security.password-hash-strength=4",
                "--axon.eventhandling.processors.probes.mode=pooled",
                "--axon.eventhandling.processors.probes.source=commitNotifyingEventSource",
                "--axon.eventhandling.processors.probes.token-claim-interval=1000",
                "--axon.eventhandling.processors.probes.initial-segment-count=2",
                "--axon.eventhandling.processors.probes.thread-count=2",
                "--axon.eventhandling.processors.probes.batch-size=100",
                "--axon.eventhandling.processors.probes.dlq.enabled=true");
        jdbc = application.getBean(JdbcTemplate.class);
        api = new HttpApi(((WebServerApplicationContext) application).getWebServer().getPort())
                .basic("admin", ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    @Test
    void anEventItsHandlerRefusesIsDeadLetteredWithNothingOfItProjectedAndTheOthersGoOn() {
        String first = record();
        String refused = record();
        String third = record();
        List<EventMessage<?>> events = List.of(probe(first, 0, "ok"), probe(refused, 0, REFUSE + " with a NUL \0"),
                probe(third, 0, "ok"), probe(refused, 1, "ok"), probe(first, 1, "ok"));

        append(events);

        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters(PROBES, refused).size() == 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> projected(first).size() == 2 && projected(third).size() == 1);
        assertThat(projected(refused)).isEmpty();
        List<Map<String, Object>> letters = deadLetters(PROBES, refused);
        assertThat(letters).extracting(letter -> letter.get("eventidentifier"))
                .containsExactly(events.get(1).getIdentifier(), events.get(3).getIdentifier());
        assertThat(letters.get(0).get("causetype")).isEqualTo(IllegalStateException.class.getName());
        assertThat((String) letters.get(0).get("causemessage")).contains("refused by its handler: refuse with a NUL");
        assertThat(letters.get(1).get("causetype")).as("queued behind, never tried").isNull();

        String later = record();
        append(List.of(probe(later, 0, "ok"), probe(refused, 2, "ok")));
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(PROBES, refused).size() == 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> projected(later).size() == 1);
        assertThat(processor(PROBES).isRunning()).isTrue();
        awaitHealth(PROBES, "DEGRADED");
    }

    @Test
    void anEventWhoseRowsTheDatabaseRefusesIsDeadLetteredAndTheOthersGoOn() {
        String before = record();
        String refused = record();
        String after = record();
        List<EventMessage<?>> events = List.of(probe(before, 0, "ok"), probe(refused, 0, "nul \0 byte"),
                probe(refused, 1, "ok"), probe(after, 0, "ok"));

        append(events);

        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters(PROBES, refused).size() == 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> projected(before).size() == 1 && projected(after).size() == 1);
        assertThat(projected(refused)).isEmpty();
        List<Map<String, Object>> letters = deadLetters(PROBES, refused);
        assertThat(letters).extracting(letter -> letter.get("eventidentifier"))
                .containsExactly(events.get(1).getIdentifier(), events.get(2).getIdentifier());
        assertThat((String) letters.get(0).get("causemessage")).contains("0x00");
        awaitHealth(PROBES, "DEGRADED");
    }

    @Test
    void deadLettersAreListedAndTriedAgainOverHttpAndTheProjectionCatchesUpOnceTheirCauseIsMended() {
        String refused = record();
        List<EventMessage<?>> events = List.of(probe(refused, 0, REFUSE + " until mended"), probe(refused, 1, "ok"));
        append(events);
        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters(PROBES, refused).size() == 2);
        String path = "/api/v1/admin/processors/" + PROBES + "/dead-letters";

        Response listed = api.get(path);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.body().get("total").asLong()).isEqualTo(listed.body().get("deadLetters").size());
        List<JsonNode> ours = new ArrayList<>();
        listed.body().get("deadLetters").forEach(letter -> {
            if (refused.equals(letter.get("recordId").asText())) {
                ours.add(letter);
            }
        });
        assertThat(ours).extracting(letter -> letter.get("eventId").asText())
                .containsExactly(events.get(0).getIdentifier(), events.get(1).getIdentifier());
        assertThat(ours.get(0).get("type").asText()).isEqualTo("ProbeRecorded");
        assertThat(ours.get(0).get("causeType").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(ours.get(1).get("causeType").isNull()).as("queued behind, never tried").isTrue();

        ProbeProjection.REFUSING.set(false);
        try {
            Response mended = api.post(path + "/retry", "{\"eventId\": \"" + events.get(1).getIdentifier() + "\"}");
            assertThat(mended.status()).as(mended.toString()).isEqualTo(200);
            assertThat(mended.body().get("sequencesApplied").asInt()).isOne();
            assertThat(deadLetters(PROBES, refused)).isEmpty();
            assertThat(projected(refused)).hasSize(2);
            long others = api.get(path).body().get("total").asLong();
            assertThat(api.post(path + "/retry", null).body().get("deadLettersLeft").asLong()).isLessThanOrEqualTo(others);
        } finally {
            ProbeProjection.REFUSING.set(true);
        }
        assertThat(api.post(path + "/retry", "{\"eventId\": \"no-such-event\"}").body().get("field").asText())
                .isEqualTo("eventId");
        assertThat(api.get("/api/v1/admin/processors/lead-assignment/dead-letters").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/admin/processors/no-such-processor/dead-letters").status()).isEqualTo(404);
    }

    @Test
    void aDeadLetterIsEvictedForGoodWithItsReasonRecordedAndTheLetterBehindItIsAppliedAtTheNextRetry()
            throws Exception {
        String refused = record();
        List<EventMessage<?>> events = List.of(probe(refused, 0, REFUSE + " for good"), probe(refused, 1, "ok"));
        append(events);
        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters(PROBES, refused).size() == 2);
        String path = "/api/v1/admin/processors/" + PROBES + "/dead-letters";
        String first = events.get(0).getIdentifier();
        assertThat(attempts(path, refused)).containsExactly(1, 0);
        assertThat(api.post(path + "/retry", "{\"eventId\": \"" + first + "\"}").body().get("sequencesApplied")
                .asInt()).isZero();
        assertThat(attempts(path, refused)).as("failed once more").containsExactly(2, 0);
        assertThat(projected(refused)).as("a retry that fails writes nothing of its event").isEmpty();

        Response noReason = api.post(path + "/eviction", "{\"eventId\": \"" + first + "\"}");
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        assertThat(noReason.body().get("field").asText()).isEqualTo("reason");
        assertThat(api.post(path + "/eviction", "{\"eventId\": \"no-such-event\", \"reason\": \"x\"}").body()
                .get("field").asText()).isEqualTo("eventId");
        assertThat(deadLetters(PROBES, refused)).hasSize(2);
        long before = api.get(path).body().get("total").asLong();

        Response evicted = api.post(path + "/eviction", "{\"eventId\": \"" + first + "\", \"reason\": "
                + "\"The probe was mended by hand\"}");

        assertThat(evicted.status()).as(evicted.toString()).isEqualTo(200);
        assertThat(evicted.body().get("deadLettersLeft").asLong()).isEqualTo(before - 1);
        assertThat(deadLetters(PROBES, refused)).extracting(letter -> letter.get("eventidentifier"))
                .containsExactly(events.get(1).getIdentifier());
        JsonNode recorded = JSON.readTree(jdbc.queryForObject("select payload from domainevententry where payloadtype = ? "
                + "order by globalindex desc limit 1", String.class, DeadLetterEvicted.class.getName()));
        assertThat(recorded.get("eventId").asText()).isEqualTo(first);
        assertThat(recorded.get("processor").asText()).isEqualTo(PROBES);
        assertThat(recorded.get("eventType").asText()).isEqualTo("ProbeRecorded");
        assertThat(recorded.get("recordId").asText()).isEqualTo(refused);
        assertThat(recorded.get("causeType").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(recorded.get("reason").asText()).isEqualTo("The probe was mended by hand");
        assertThat(recorded.toString()).as("the failure's message is not kept").doesNotContain("for good");

        ProbeProjection.REFUSING.set(false);
        try {
            api.post(path + "/retry", "{\"eventId\": \"" + events.get(1).getIdentifier() + "\"}");
            assertThat(deadLetters(PROBES, refused)).isEmpty();
            assertThat(projected(refused)).as("the evicted event never applied").hasSize(1);
        } finally {
            ProbeProjection.REFUSING.set(true);
        }
    }

    private static List<Integer> attempts(String path, String recordId) {
        List<Integer> attempts = new ArrayList<>();
        api.get(path).body().get("deadLetters").forEach(letter -> {
            if (recordId.equals(letter.get("recordId").asText())) {
                attempts.add(letter.get("attempts").asInt());
            }
        });
        return attempts;
    }

    /** Issue 11: a deal whose close date PostgreSQL cannot store stopped every later deal from appearing. */
    @Test
    void theDealsProjectionGoesOnAfterADealWhoseCloseDateTheDatabaseCannotStore() {
        String rep = "rep-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/users", "{\"userId\": \"" + rep + "\", \"displayName\": \"Rep\", "
                + "\"profile\": \"SALES_REP\", \"password\": \"password-of-" + rep + "\"}").status()).isEqualTo(201);
        HttpApi repApi = api.basic(rep, "password-of-" + rep);
        String account = repApi.post("/api/v1/accounts", "{\"legalName\": \"Horlogerie du Jura\"}").body()
                .get("id").asText();
        String farFuture = UUID.randomUUID().toString();
        List<EventMessage<?>> poison = List.of(
                new GenericDomainEventMessage<>("Opportunity", farFuture, 0, new OpportunityOpened(farFuture, account,
                        "Contrat perpétuel", rep, null, null, "EUR", new BigDecimal("1000"),
                        LocalDate.parse("+999999999-12-31"), null, PROSPECTING),
                        Map.of(AuditMetadata.USER_ID, rep)),
                new GenericDomainEventMessage<>("Opportunity", farFuture, 1, new OpportunityStageChanged(farFuture,
                        PROSPECTING, QUALIFICATION), Map.of(AuditMetadata.USER_ID, rep)));

        append(poison);
        Response next = repApi.post("/api/v1/opportunities", deal(account, "Révision annuelle"));

        assertThat(next.status()).as(next.toString()).isIn(201, 202);
        String nextId = next.body().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters("opportunities", farFuture).size() == 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> repApi.get("/api/v1/opportunities/" + nextId).status() == 200);
        List<Map<String, Object>> letters = deadLetters("opportunities", farFuture);
        assertThat(letters).extracting(letter -> letter.get("eventidentifier"))
                .containsExactly(poison.get(0).getIdentifier(), poison.get(1).getIdentifier());
        assertThat((String) letters.get(0).get("causemessage")).contains("out of range");
        assertThat(repApi.get("/api/v1/opportunities/" + farFuture).status()).isEqualTo(404);
        Response afterwards = repApi.post("/api/v1/opportunities", deal(account, "Extension de garantie"));
        assertThat(afterwards.status()).as("read-your-writes as usual").isEqualTo(201);
        awaitHealth("opportunities", "DEGRADED");
    }

    /** Accounts are projected in batches too: the account or contact the database refuses is the only one left out. */
    @Test
    void theAccountsProjectionGoesOnAfterAnAccountOrAContactTheDatabaseCannotStore() {
        String tooLong = record();
        String refusedContact = record();
        String after = record();
        List<EventMessage<?>> events = List.of(
                account(tooLong, 0, new AccountCreated(tooLong, company("Scierie ".repeat(30)), null)),
                account(tooLong, 1, new ContactAdded(tooLong, record(), person("Vernier"))),
                account(refusedContact, 0, new AccountCreated(refusedContact, company("Scierie du Doubs"), null)),
                account(refusedContact, 1, new ContactAdded(refusedContact, record(), person("Nul \0 octet"))),
                account(refusedContact, 2, new ContactAdded(refusedContact, record(), person("Suivant"))),
                account(after, 0, new AccountCreated(after, company("Menuiserie d'après"), null)),
                account(after, 1, new ContactAdded(after, record(), person("Après"))));

        append(events);

        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters("accounts", tooLong).size() == 2
                && deadLetters("accounts", refusedContact).size() == 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> contacts(after) == 1);
        assertThat(deadLetters("accounts", tooLong)).extracting(letter -> letter.get("eventidentifier"))
                .containsExactly(events.get(0).getIdentifier(), events.get(1).getIdentifier());
        assertThat((String) deadLetters("accounts", tooLong).get(0).get("causemessage")).contains("too long");
        assertThat(deadLetters("accounts", refusedContact)).extracting(letter -> letter.get("eventidentifier"))
                .containsExactly(events.get(3).getIdentifier(), events.get(4).getIdentifier());
        assertThat(jdbc.queryForList("select id, version from account_view where id in (?, ?)", tooLong,
                refusedContact)).containsExactly(Map.of("id", refusedContact, "version", 0L));
        assertThat(contacts(refusedContact)).isZero();
        Response next = api.post("/api/v1/accounts", "{\"legalName\": \"Scierie de la Loue\"}");
        assertThat(next.status()).as("read-your-writes as usual").isEqualTo(201);
        awaitHealth("accounts", "DEGRADED");
    }

    @Test
    void aStoppedProcessorIsDownAndItsLagIsStillCounted() {
        StreamingEventProcessor probes = processor(PROBES);
        probes.shutDown();
        try {
            append(List.of(probe(record(), 0, "ok")));

            Response health = api.get("/actuator/health");
            assertThat(health.status()).as(health.toString()).isEqualTo(503);
            assertThat(health.body().at("/components/eventProcessors/details/probes/status").asText()).isEqualTo("DOWN");
            assertThat(health.body().at("/components/eventProcessors/details/probes/running").asBoolean()).isFalse();
            assertThat(health.body().at("/components/eventProcessors/details/probes/segmentsClaimed").asInt()).isZero();
            assertThat(lag(PROBES)).isGreaterThanOrEqualTo(1);
        } finally {
            probes.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> lag(PROBES) == 0);
    }


    private static String record() {
        return "record-" + UUID.randomUUID();
    }

    private static EventMessage<?> probe(String record, long sequence, String value) {
        return new GenericDomainEventMessage<>("Probe", record, sequence,
                new ProbeRecorded(UUID.randomUUID().toString(), record, value), Map.of(AuditMetadata.USER_ID, "admin"));
    }

    private static EventMessage<?> account(String account, long sequence, Object event) {
        return new GenericDomainEventMessage<>("Account", account, sequence, event, Map.of(AuditMetadata.USER_ID, "admin"));
    }

    private static AccountDetails company(String legalName) {
        return new AccountDetails(legalName, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    private static ContactDetails person(String lastName) {
        return new ContactDetails(null, lastName, null, null, null, null, null, null);
    }

    private static long contacts(String account) {
        return jdbc.queryForObject("select count(*) from contact_view where account_id = ?", Long.class, account);
    }

    private static String deal(String account, String name) {
        return "{\"accountId\": \"" + account + "\", \"name\": \"" + name + "\", \"currency\": \"EUR\", "
                + "\"amount\": 2000, \"expectedCloseDate\": \"2027-06-30\"}";
    }

    /** Appends the events in one transaction, as one command would: they come to the processors together. */
    private static void append(List<EventMessage<?>> events) {
        new TransactionTemplate(application.getBean(PlatformTransactionManager.class)).executeWithoutResult(
                status -> application.getBean(EventStorageEngine.class).appendEvents(events));
    }

    private static List<String> projected(String record) {
        return jdbc.queryForList("select probe_id from probe_view where record_id = ?", String.class, record);
    }

    private static List<Map<String, Object>> deadLetters(String processingGroup, String sequence) {
        return jdbc.queryForList("select eventidentifier, causetype, causemessage from deadletterentry "
                + "where processinggroup = ? and sequenceidentifier = ? order by sequenceindex", processingGroup, sequence);
    }

    private static StreamingEventProcessor processor(String name) {
        return application.getBean(EventProcessingConfiguration.class)
                .eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    /** Waits until health reports the processor with that status, with the dead letters it holds, at HTTP 200. */
    private static void awaitHealth(String processor, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Response health = api.get("/actuator/health");
            JsonNode details = health.body().at("/components/eventProcessors/details/" + processor);
            assertThat(details.get("status").asText()).as(health.toString()).isEqualTo(status);
            assertThat(details.get("deadLetters").asLong()).isPositive();
            assertThat(metric("relais_dead_letters", processor)).isEqualTo(details.get("deadLetters").asDouble());
            assertThat(details.get("running").asBoolean()).isTrue();
            assertThat(details.get("segmentsFailing").asInt()).isZero();
            assertThat(health.body().at("/components/eventProcessors/status").asText()).isEqualTo(status);
            assertThat(health.status()).isEqualTo(200);
        });
    }

    private static double lag(String processor) {
        return metric("relais_projection_lag", processor);
    }

    private static double metric(String name, String processor) {
        String metrics = api.get("/actuator/prometheus").raw().body();
        Matcher value = Pattern.compile(name + "\\{[^}]*processor=\"" + processor + "\"[^}]*} (\\S+)")
                .matcher(metrics);
        assertThat(value.find()).as(metrics).isTrue();
        return Double.parseDouble(value.group(1));
    }

    /** A probe of a record; the value is written as it is, or refused by the handler when it starts with "refuse". */
    record ProbeRecorded(String probeId, String recordId, String value) {
    }

    /** Registers the test-only projection as a projection (not found by component scanning: not a component). */
    static class ProbeConfiguration {

        @Bean
        ProbeProjection probeProjection(JdbcTemplate jdbc) {
            jdbc.execute("create table probe_view (probe_id varchar(64) primary key, record_id varchar(64) not null, "
                    + "value text not null)");
            return new ProbeProjection(jdbc);
        }

        @Autowired
        void registerProbes(ProjectionTransactions projections, EventProcessingConfigurer processing) {
            projections.configure(processing, PROBES);
        }
    }

    /** Collects a batch's probes, then writes them: a refused event leaves its probe in the collector. */
    @ProcessingGroup(PROBES)
    static class ProbeProjection {

        /** Whether the handler refuses the values that start with "refuse": false once "the cause is mended". */
        static final AtomicBoolean REFUSING = new AtomicBoolean(true);

        private final JdbcTemplate jdbc;

        ProbeProjection(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(ProbeRecorded probe) {
            ProjectionBatches.current(Probes.class, messages -> new Probes(), this::write).probes.add(probe);
            if (REFUSING.get() && probe.value().startsWith(REFUSE)) {
                throw new IllegalStateException("Probe " + probe.probeId() + " refused by its handler: " + probe.value());
            }
        }

        private void write(Probes batch) {
            jdbc.batchUpdate("insert into probe_view (probe_id, record_id, value) values (?, ?, ?)",
                    batch.probes.stream().map(p -> new Object[]{p.probeId(), p.recordId(), p.value()}).toList());
        }
    }

    static final class Probes {
        final List<ProbeRecorded> probes = new ArrayList<>();
    }
}
