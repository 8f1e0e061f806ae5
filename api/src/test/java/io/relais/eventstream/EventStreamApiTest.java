package io.relais.eventstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HeldOpenAppend;
import io.relais.support.HttpApi;
import io.relais.support.HttpApi.Response;
import io.relais.support.NeedsPostgreSqlEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The event stream over HTTP: store order, filters, a gap held open, an erased person, bad input and access. */
@NeedsPostgreSqlEventStore
class EventStreamApiTest extends ApiTestSupport {

    @Autowired
    private EventStorageEngine storage;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void eventsComeInStoreOrderWithTheirRecordMetadataAndDecryptedPayloadAndTheFiltersTakeTheirShare() {
        long start = lastPosition();
        String lead = created(api().post("/api/v1/leads", "{\"firstName\": \"Inès\", \"lastName\": \"Morel\", "
                + "\"email\": \"ines.morel@example.fr\", \"source\": \"WEB_FORM\"}", "X-Request-Id", "stream-1"));
        assertThat(api().patch("/api/v1/leads/" + lead, "{\"city\": \"Nantes\"}").status()).isEqualTo(200);
        String account = created(api().post("/api/v1/accounts", "{\"legalName\": \"Flux Analytique SA\"}"));

        List<JsonNode> events = lines(stream(api(), "after=" + start));

        assertThat(events).extracting(event -> event.get("position").asLong()).isSorted().allMatch(p -> p > start);
        List<JsonNode> ours = events.stream().filter(event -> List.of(lead, account)
                .contains(event.get("recordId").asText())).toList();
        assertThat(ours).extracting(event -> event.get("type").asText())
                .containsExactly("LeadCaptured", "LeadDetailsUpdated", "AccountCreated");
        JsonNode captured = ours.get(0);
        assertThat(captured.get("recordType").asText()).isEqualTo("LEAD");
        assertThat(captured.get("aggregateType").asText()).isEqualTo("Lead");
        assertThat(captured.get("payloadType").asText()).isEqualTo("io.relais.lead.LeadCaptured");
        assertThat(captured.get("sequenceNumber").asLong()).isZero();
        assertThat(captured.get("metaData").get("correlationId").asText()).isEqualTo("stream-1");
        assertThat(captured.get("payload").get("details").get("firstName").asText()).isEqualTo("Inès");
        assertThat(captured.get("payload").has("$personal")).isFalse();
        assertThat(captured.get("personalDataErased").asBoolean()).isFalse();

        assertThat(lines(stream(api(), "after=" + start + "&type=LeadDetailsUpdated,AccountCreated")))
                .extracting(event -> event.get("type").asText()).containsOnly("LeadDetailsUpdated", "AccountCreated");
        assertThat(lines(stream(api(), "after=" + start + "&recordType=account")))
                .extracting(event -> event.get("recordType").asText()).containsOnly("ACCOUNT");
        List<JsonNode> two = lines(stream(api(), "after=" + start + "&limit=2"));
        assertThat(two).extracting(event -> event.get("position").asLong())
                .isEqualTo(events.subList(0, 2).stream().map(event -> event.get("position").asLong()).toList());
        Response none = stream(api(), "after=" + start + "&type=LeadMergedInto");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.raw().body()).isEmpty();
        assertThat(Long.parseLong(none.header("Relais-Stable-Position")))
                .isGreaterThanOrEqualTo(ours.get(ours.size() - 1).get("position").asLong());
    }

    @Test
    void anEventCommittedLateIntoAGapIsNotPassedByAClientPollingFromTheLastPositionItSaw() throws Exception {
        String slow = "stream-slow-" + UUID.randomUUID();
        String fast = "stream-fast-" + UUID.randomUUID();
        long start = lastPosition();
        HeldOpenAppend slowWriter = new HeldOpenAppend(transactions, storage, slow);
        new TransactionTemplate(transactions).executeWithoutResult(status -> storage.appendEvents(List.of(
                HeldOpenAppend.accountCreated(fast))));

        Response whileOpen = stream(api(), "after=" + start);
        List<String> seen = recordIds(lines(whileOpen));
        long stable = Long.parseLong(whileOpen.header("Relais-Stable-Position"));

        slowWriter.commit();
        assertThat(seen).as("the event committed after the gap waits until the gap is settled").doesNotContain(fast);
        assertThat(stable).isLessThan(globalIndex(slow));
        assertThat(recordIds(lines(stream(api(), "after=" + stable)))).containsSubsequence(slow, fast);
    }

    @Test
    void anErasedPersonsValuesAreNullAndTheLineSaysSo() {
        long start = lastPosition();
        String lead = created(api().post("/api/v1/leads", "{\"lastName\": \"Effacée\", "
                + "\"email\": \"effacee.stream@example.fr\", \"source\": \"WEB_FORM\"}"));
        assertThat(api().post("/api/v1/data-subjects/LEAD/" + lead + "/erasure", "{\"reason\": \"Demande écrite\"}")
                .status()).isEqualTo(200);

        JsonNode captured = lines(stream(api(), "type=LeadCaptured&after=" + start)).stream()
                .filter(event -> event.get("recordId").asText().equals(lead)).findFirst().orElseThrow();

        assertThat(captured.get("personalDataErased").asBoolean()).isTrue();
        assertThat(captured.get("payload").get("details").get("lastName").isNull()).isTrue();
        assertThat(captured.get("payload").get("details").get("email").isNull()).isTrue();
        assertThat(captured.toString()).doesNotContain("Effacée", "effacee.stream@example.fr");
    }

    @Test
    void aClientOfJsonLinesIsToldWhatIsWrongWithItsRequestToo() {
        Response refused = stream(api(), "limit=0");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("field").asText()).isEqualTo("limit");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"after, -1", "after, first", "limit, 0", "limit, 100001", "limit, many", "type, LeadInvented",
            "recordType, INVOICE"})
    void aBadParameterIsRefusedNamingIt(String parameter, String value) {
        Response refused = api().get("/api/v1/events?" + parameter + "=" + value);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body().get("field").asText()).isEqualTo(parameter);
    }

    @Test
    void analystsAuditorsAndAdministratorsReadTheStreamOthersAreForbidden() {
        for (Profile profile : Profile.values()) {
            HttpApi someone = user("stream-" + profile.name().toLowerCase().replace('_', '-'), profile).api();
            int expected = switch (profile) {
                case ANALYST, AUDITOR, ADMINISTRATOR -> 200;
                default -> 403;
            };
            assertThat(someone.get("/api/v1/events?limit=1").status()).as(profile.name()).isEqualTo(expected);
        }
        assertThat(anonymous().get("/api/v1/events").status()).isEqualTo(401);
    }

    /** The stream as a client of JSON Lines asks for it. */
    private static Response stream(HttpApi api, String query) {
        return api.get("/api/v1/events?" + query, "Accept", "application/x-ndjson");
    }

    private long lastPosition() {
        return jdbc.queryForObject("select coalesce(max(globalindex), 0) from domainevententry", Long.class);
    }

    private long globalIndex(String aggregateId) {
        return jdbc.queryForObject("select globalindex from domainevententry where aggregateidentifier = ?",
                Long.class, aggregateId);
    }

    private static List<JsonNode> lines(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/x-ndjson");
        return Arrays.stream(response.raw().body().split("\n")).filter(line -> !line.isBlank())
                .map(line -> json(line)).toList();
    }

    private static List<String> recordIds(List<JsonNode> events) {
        return events.stream().map(event -> event.get("recordId").asText()).toList();
    }
}
