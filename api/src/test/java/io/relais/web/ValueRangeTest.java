package io.relais.web;

import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values outside the domain's ranges (issue 11): dates and instants far outside the years a CRM has business
 * with, amounts no read model can hold, text PostgreSQL cannot store or compare. In a body, a query parameter
 * or a path, each is a 400 problem naming the field, and nothing is stored, so no projection ever meets it.
 * (A NUL in a path never reaches the application: Tomcat answers 400 itself.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValueRangeTest extends ApiTestSupport {

    private static final String FAR_FUTURE_DATE = "+999999999-12-31";
    private static final String FAR_PAST_DATE = "-999999999-01-01";
    private static final String FAR_FUTURE = "+999999999-12-31T00:00:00Z";
    private static final String FAR_PAST = "-999999999-01-01T00:00:00Z";

    private String rep;
    private String account;
    private String deal;
    private String product;
    private String price;

    @BeforeAll
    void records() {
        rep = user("rep", Profile.SALES_REP).id();
        account = created(api().post("/api/v1/accounts", "{\"legalName\": \"Fonderie des Bornes\"}"));
        deal = created(api().post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", \"name\": "
                + "\"Moules\", \"currency\": \"EUR\", \"expectedCloseDate\": \"2027-03-31\"}"));
        product = created(api().post("/api/v1/products", "{\"code\": \"R-" + UUID.randomUUID().toString()
                .substring(0, 8) + "\", \"name\": \"Moule\", \"kind\": \"PRODUCT\", \"unit\": \"pièce\"}"));
        Response priced = api().post("/api/v1/products/" + product + "/prices", "{\"currency\": \"EUR\", "
                + "\"unitPrice\": 1200, \"validFrom\": \"2020-01-01\"}");
        assertThat(priced.status()).as(priced.toString()).isEqualTo(200);
        price = priced.body().get("prices").get(0).get("priceId").asText();
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/opportunities", deal("\"expectedCloseDate\": \"" + FAR_FUTURE_DATE
                        + "\""), "expectedCloseDate", "out-of-range"),
                Arguments.of("POST", "/api/v1/opportunities", deal("\"expectedCloseDate\": \"" + FAR_PAST_DATE
                        + "\""), "expectedCloseDate", "out-of-range"),
                Arguments.of("POST", "/api/v1/opportunities", deal("\"expectedCloseDate\": \"0001-01-01\""),
                        "expectedCloseDate", "out-of-range"),
                Arguments.of("POST", "/api/v1/opportunities", deal("\"expectedCloseDate\": \"1899-12-31\""),
                        "expectedCloseDate", "out-of-range"),
                Arguments.of("POST", "/api/v1/opportunities", deal("\"expectedCloseDate\": \"3000-01-01\""),
                        "expectedCloseDate", "out-of-range"),
                Arguments.of("PUT", "/api/v1/opportunities/{deal}/close-date", "{\"expectedCloseDate\": \""
                        + FAR_FUTURE_DATE + "\"}", "expectedCloseDate", "out-of-range"),
                Arguments.of("POST", "/api/v1/opportunities/{deal}/line-items", "{\"productId\": \"{product}\", "
                        + "\"quantity\": 999999999999999}", "quantity", "out-of-range"),
                Arguments.of("POST", "/api/v1/opportunities/{deal}/line-items", "{\"productId\": \"{product}\", "
                        + "\"quantity\": 2, \"unitCost\": 999999999999999}", "quantity", "out-of-range"),
                Arguments.of("POST", "/api/v1/activities/log", "{\"kind\": \"CALL\", \"subject\": \"Appel\", "
                        + "\"accountId\": \"{account}\", \"occurredAt\": \"" + FAR_PAST + "\"}", "occurredAt",
                        "out-of-range"),
                Arguments.of("POST", "/api/v1/activities/schedule", "{\"kind\": \"TASK\", \"subject\": \"Relance\", "
                        + "\"accountId\": \"{account}\", \"dueAt\": \"" + FAR_FUTURE + "\"}", "dueAt", "out-of-range"),
                Arguments.of("POST", "/api/v1/activities/schedule", "{\"kind\": \"TASK\", \"subject\": \"Relance\", "
                        + "\"accountId\": \"{account}\", \"dueAt\": \"2027-01-01T09:00:00Z\", \"remindAt\": \""
                        + FAR_PAST + "\"}", "remindAt", "out-of-range"),
                Arguments.of("PUT", "/api/v1/exchange-rates/CHF/" + FAR_PAST_DATE, "{\"rate\": 1.05}", "validFrom",
                        "out-of-range"),
                Arguments.of("POST", "/api/v1/products/{product}/prices", "{\"currency\": \"USD\", \"unitPrice\": 10, "
                        + "\"validFrom\": \"" + FAR_PAST_DATE + "\"}", "validFrom", "out-of-range"),
                Arguments.of("POST", "/api/v1/products/{product}/prices", "{\"currency\": \"USD\", \"unitPrice\": 10, "
                        + "\"validFrom\": \"2026-01-01\", \"validUntil\": \"" + FAR_FUTURE_DATE + "\"}", "validUntil",
                        "out-of-range"),
                Arguments.of("POST", "/api/v1/products/{product}/prices/{price}/retire", "{\"retiredOn\": \""
                        + FAR_FUTURE_DATE + "\"}", "retiredOn", "out-of-range"),
                Arguments.of("PUT", "/api/v1/targets/{rep}/0000", "{\"amount\": 1000}", "period", "out-of-range"),
                Arguments.of("POST", "/api/v1/leads", "{\"email\": \"borne@example.fr\", \"source\": \"NEWSLETTER\", "
                        + "\"consent\": {\"granted\": true, \"date\": \"0001-01-01\", \"channel\": \"EMAIL\"}}",
                        "consent.date", "out-of-range"));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
    @MethodSource("badBodies")
    void aValueOutOfRangeInABodyIsRefusedNamingItsFieldAndNothingIsStored(String method, String path, String body,
                                                                         String field, String code) {
        long before = storedEvents();

        Response response = api().send(method, resolve(path), resolve(body), "application/json");

        assertProblem(response, field, code);
        assertThat(storedEvents()).isEqualTo(before);
    }

    /**
     * Half a surrogate pair is not text: it would be stored as '?'. The parser or the domain refuses it; either
     * way the problem names the field.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("loneSurrogates")
    void aLoneSurrogateIsRefusedNamingItsFieldAndNothingIsStored(String value) {
        long before = storedEvents();

        Response response = api().post("/api/v1/leads", "{\"email\": \"borne@example.fr\", \"source\": "
                + "\"NEWSLETTER\", \"lastName\": \"" + value + "\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body().get("field").asText()).isEqualTo("lastName");
        assertThat(storedEvents()).isEqualTo(before);
    }

    static Stream<String> loneSurrogates() {
        return Stream.of("\\ud800", "Dupont\\udfff", "\\udc00\\ud800");
    }

    static Stream<Arguments> badParameters() {
        return Stream.of(
                Arguments.of("/api/v1/leads?q=%00", "q", "invalid-characters"),
                Arguments.of("/api/v1/leads?q=a%00b", "q", "invalid-characters"),
                Arguments.of("/api/v1/leads?ownerId=%00", "ownerId", "invalid-characters"),
                Arguments.of("/api/v1/leads?q=" + "x".repeat(201), "q", "too-long"),
                Arguments.of("/api/v1/accounts?q=%00", "q", "invalid-characters"),
                Arguments.of("/api/v1/accounts?registration=%00", "registration", "invalid-characters"),
                Arguments.of("/api/v1/accounts?registration=" + "1".repeat(21), "registration", "too-long"),
                Arguments.of("/api/v1/accounts?ownerId=%00", "ownerId", "invalid-characters"),
                Arguments.of("/api/v1/products?q=%00", "q", "invalid-characters"),
                Arguments.of("/api/v1/opportunities?q=%00", "q", "invalid-characters"),
                Arguments.of("/api/v1/opportunities?accountId=%00", "accountId", "invalid-characters"),
                Arguments.of("/api/v1/opportunities?stage=%00", "stage", "invalid-characters"),
                Arguments.of("/api/v1/users?q=%00", "q", "invalid-characters"),
                Arguments.of("/api/v1/users?q=" + "x".repeat(101), "q", "too-long"),
                Arguments.of("/api/v1/users?managerId=%00", "managerId", "invalid-characters"),
                Arguments.of("/api/v1/activities?ownerId=%00", "ownerId", "invalid-characters"),
                Arguments.of("/api/v1/activities?contactId=%00", "contactId", "invalid-characters"),
                Arguments.of("/api/v1/targets?userId=%00", "userId", "invalid-characters"),
                Arguments.of("/api/v1/duplicates?kind=ACCOUNT&recordId=%00", "recordId", "invalid-characters"),
                Arguments.of("/api/v1/accounts/{account}/timeline?from=%2B999999999-12-31T23:59:59Z", "from",
                        "out-of-range"),
                Arguments.of("/api/v1/accounts/{account}/timeline?to=-4714-01-01", "to", "out-of-range"),
                Arguments.of("/api/v1/opportunities?closingFrom=-4714-01-01", "closingFrom", "out-of-range"),
                Arguments.of("/api/v1/opportunities?closingBefore=%2B999999999-12-31", "closingBefore",
                        "out-of-range"),
                Arguments.of("/api/v1/activities?dueBefore=%2B999999999-12-31T00:00:00Z", "dueBefore",
                        "out-of-range"),
                Arguments.of("/api/v1/products/{product}/price?currency=EUR&on=-4714-01-01", "on", "out-of-range"),
                Arguments.of("/api/v1/forecasts/{rep}?period=2026&asOf=-4714-01-01", "asOf", "out-of-range"),
                Arguments.of("/api/v1/forecasts/{rep}?period=0000", "period", "out-of-range"),
                Arguments.of("/api/v1/targets?period=9999", "period", "out-of-range"));
    }

    @ParameterizedTest(name = "GET {0} -> {1} {2}")
    @MethodSource("badParameters")
    void aValueOutOfRangeInAQueryOrPathIsRefusedNamingTheParameter(String path, String field, String code) {
        assertProblem(api().get(resolve(path)), field, code);
    }

    private static String deal(String closeDate) {
        return "{\"accountId\": \"{account}\", \"name\": \"Moules\", \"currency\": \"EUR\", " + closeDate + "}";
    }

    private String resolve(String template) {
        return template.replace("{rep}", rep).replace("{account}", account).replace("{deal}", deal)
                .replace("{product}", product).replace("{price}", price);
    }

    private static void assertProblem(Response response, String field, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().get("type").asText()).isEqualTo("urn:relais:problem:" + code);
        assertThat(response.body().get("field").asText()).isEqualTo(field);
    }
}
