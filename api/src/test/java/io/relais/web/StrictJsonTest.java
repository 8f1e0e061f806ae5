package io.relais.web;

import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import io.relais.support.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every body the API reads, bound to a record or read as a tree (creations of accounts, merge patches), is
 * strict JSON: one document, each key once, each value of the type asked for, no unpaired surrogate. Sloppy
 * JSON is refused with a problem naming the field, and changes nothing.
 */
class StrictJsonTest extends ApiTestSupport {

    private static final String LEAD = "\"email\": \"strict@example.fr\", \"source\": \"NEWSLETTER\"";
    private static final String CONSENT =
            "\"consent\": {\"granted\": true, \"date\": \"2026-01-01\", \"channel\": \"EMAIL\"}";

    private String leadId;
    private String accountId;
    private String territoryId;

    @BeforeEach
    void recordsExist() {
        leadId = api().post("/api/v1/leads", "{" + LEAD + "}").body().get("id").asText();
        accountId = api().post("/api/v1/accounts", "{\"legalName\": \"Stricte SA\"}").body().get("id").asText();
        territoryId = "strict-" + UUID.randomUUID().toString().substring(0, 8);
        api().post("/api/v1/territories", "{\"territoryId\": \"" + territoryId + "\", \"name\": \"Strict\"}");
    }

    static Stream<Arguments> sloppyJson() {
        return Stream.of(
                // one document, nothing after it
                Arguments.of("POST", "/leads", "{" + LEAD + "} xyz", "malformed-json", null),
                Arguments.of("POST", "/leads", "{" + LEAD + "}{" + LEAD + "}", "invalid-body", "body"),
                Arguments.of("PATCH", "/leads/{lead}", "{\"city\": \"Lyon\"} {\"city\": \"Paris\"}",
                        "invalid-body", "body"),
                Arguments.of("POST", "/accounts", "{\"legalName\": \"A\"} []", "invalid-body", "body"),
                // each key once
                Arguments.of("POST", "/leads", "{" + LEAD + ", \"email\": \"other@example.fr\"}",
                        "duplicate-field", "email"),
                Arguments.of("POST", "/leads", "{" + LEAD + ", \"consent\": {\"granted\": true, \"granted\": false, "
                        + "\"date\": \"2026-01-01\", \"channel\": \"EMAIL\"}}", "duplicate-field", "consent.granted"),
                Arguments.of("PATCH", "/leads/{lead}", "{\"city\": \"Lyon\", \"city\": \"Paris\"}",
                        "duplicate-field", "city"),
                Arguments.of("PATCH", "/accounts/{account}", "{\"billingAddress\": {\"street\": \"1 rue A\", "
                        + "\"street\": \"2 rue B\"}}", "duplicate-field", "billingAddress.street"),
                // no coercion between JSON types
                Arguments.of("POST", "/leads", "{" + LEAD + ", \"lastName\": 1}", "invalid-value", "lastName"),
                Arguments.of("POST", "/leads", "{" + LEAD + ", \"lastName\": 1.5}", "invalid-value", "lastName"),
                Arguments.of("POST", "/leads", "{" + LEAD + ", \"lastName\": true}", "invalid-value", "lastName"),
                Arguments.of("POST", "/leads", "{\"email\": \"a@example.fr\", \"source\": 1}",
                        "invalid-value", "source"),
                Arguments.of("POST", "/leads", "{" + LEAD + ", \"consent\": {\"granted\": \"true\", "
                        + "\"date\": \"2026-01-01\", \"channel\": \"EMAIL\"}}", "invalid-value", "consent.granted"),
                Arguments.of("POST", "/leads", "{" + LEAD + ", \"consent\": {\"granted\": 1, "
                        + "\"date\": \"2026-01-01\", \"channel\": \"EMAIL\"}}", "invalid-value", "consent.granted"),
                Arguments.of("POST", "/leads", "{" + LEAD + ", \"consent\": {\"granted\": true, "
                        + "\"date\": 20260101, \"channel\": \"EMAIL\"}}", "invalid-value", "consent.date"),
                Arguments.of("POST", "/accounts", "{\"legalName\": \"A\", \"deliveryAddress\": {\"street\": 1}}",
                        "invalid-value", "deliveryAddress.street"),
                Arguments.of("PATCH", "/accounts/{account}", "{\"billingAddress\": {\"street\": 1}}",
                        "invalid-value", "billingAddress.street"),
                Arguments.of("POST", "/territories/{territory}/rules", "{\"priority\": \"10\", \"country\": \"FR\"}",
                        "invalid-value", "priority"),
                // no unpaired surrogate
                Arguments.of("POST", "/leads", "{" + LEAD + ", \"lastName\": \"\\ud800\"}",
                        "invalid-characters", "lastName"),
                Arguments.of("POST", "/leads", "{" + LEAD + ", " + CONSENT + ", \"lastName\": \"\\udc00\\ud800\"}",
                        "invalid-characters", "lastName"),
                Arguments.of("POST", "/accounts", "{\"legalName\": \"A\\ud800\"}", "invalid-characters", "legalName"),
                Arguments.of("POST", "/accounts",
                        "{\"legalName\": \"A\", \"deliveryAddress\": {\"street\": \"\\ud800\"}}",
                        "invalid-characters", "deliveryAddress.street"),
                Arguments.of("PATCH", "/leads/{lead}", "{\"city\": \"\\ud800\"}", "invalid-characters", "city"),
                Arguments.of("PATCH", "/accounts/{account}", "{\"billingAddress\": {\"street\": \"\\udfff\"}}",
                        "invalid-characters", "billingAddress.street"),
                // no NUL, in text or in an id that would be looked up
                Arguments.of("POST", "/leads", "{" + LEAD + ", \"lastName\": \"Mar\\u0000tin\"}",
                        "invalid-characters", "lastName"),
                Arguments.of("POST", "/leads/{lead}/convert", "{\"accountId\": \"\\u0000\"}",
                        "invalid-characters", "accountId"),
                Arguments.of("PATCH", "/accounts/{account}", "{\"billingAddress\": {\"city\": \"\\u0000\"}}",
                        "invalid-characters", "billingAddress.city"));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("sloppyJson")
    void sloppyJsonIsRefusedWithAProblemNamingTheFieldAndChangesNothing(String method, String path, String body,
                                                                       String code, String field) {
        long before = storedEvents();
        String url = "/api/v1" + path.replace("{lead}", leadId).replace("{account}", accountId)
                .replace("{territory}", territoryId);
        String contentType = method.equals("PATCH") ? "application/merge-patch+json" : "application/json";

        Response response = api().send(method, url, body, contentType);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().get("type").asText()).isEqualTo("urn:relais:problem:" + code);
        if (field != null) {
            assertThat(response.body().get("field").asText()).isEqualTo(field);
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anUnpairedSurrogateSentAsRawBytesIsRefusedToo() {
        long before = storedEvents();
        byte[] start = ("{" + LEAD + ", \"lastName\": \"Martin").getBytes(StandardCharsets.UTF_8);
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        byte[] end = "\"}".getBytes(StandardCharsets.UTF_8);
        ByteBuffer body = ByteBuffer.allocate(start.length + surrogate.length + end.length).put(start).put(surrogate)
                .put(end);

        RawHttp.Response response = new RawHttp(port).exchange("POST /api/v1/leads HTTP/1.1\r\nHost: localhost\r\n"
                + RawHttp.basicAuthorization("admin", ADMIN_PASSWORD) + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.capacity() + "\r\nConnection: close", body.array());

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        // Jackson refuses these bytes as malformed UTF-8 while reading the record's field
        assertThat(response.json().get("type").asText()).isEqualTo("urn:relais:problem:invalid-value");
        assertThat(response.json().get("field").asText()).isEqualTo("lastName");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aSurrogatePairIsACharacterLikeAnyOther() {
        Response created = api().post("/api/v1/leads", "{" + LEAD + ", \"lastName\": \"Martin \\ud83d\\ude00\"}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().get("details").get("lastName").asText()).isEqualTo("Martin \uD83D\uDE00");
    }
}
