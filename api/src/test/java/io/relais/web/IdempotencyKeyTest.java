package io.relais.web;

import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The Idempotency-Key every creation takes: what it accepts and what it refuses, whichever the route. */
class IdempotencyKeyTest extends ApiTestSupport {

    private static final String ACCOUNT = "{\"legalName\": \"Tonnellerie Idem\"}";

    @Test
    void aKeyThatIsNotOneIsRefusedOnEveryCreationNamingTheHeaderAndChangesNothing() {
        long before = storedEvents();

        for (String[] headers : new String[][]{{"Idempotency-Key", "has spaces"},
                {"Idempotency-Key", "k".repeat(101)}, {"Idempotency-Key", "a/b"},
                {"Idempotency-Key", "one", "Idempotency-Key", "two"}}) {
            assertRefused(api().post("/api/v1/accounts", ACCOUNT, headers));
            assertRefused(api().post("/api/v1/products", product(), headers));
            assertRefused(api().post("/api/v1/leads", "{\"email\": \"idem@example.fr\", \"source\": \"WEB_FORM\"}",
                    headers));
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aKeyOfUpToAHundredAllowedCharactersMakesTheCreationSafeToRetry() {
        String key = ("Aa0._:-" + UUID.randomUUID()).substring(0, 40) + "k".repeat(60);

        Response first = api().post("/api/v1/accounts", ACCOUNT, "Idempotency-Key", key);
        Response retry = api().post("/api/v1/accounts", ACCOUNT, "Idempotency-Key", key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    }

    private static String product() {
        String code = "IDEM-" + UUID.randomUUID().toString().substring(0, 8);
        return "{\"code\": \"" + code + "\", \"name\": \"Produit\", \"kind\": \"PRODUCT\", \"unit\": \"pièce\"}";
    }

    private static void assertRefused(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body().get("type").asText()).isEqualTo("urn:relais:problem:invalid-idempotency-key");
        assertThat(response.body().get("field").asText()).isEqualTo("Idempotency-Key");
    }
}
