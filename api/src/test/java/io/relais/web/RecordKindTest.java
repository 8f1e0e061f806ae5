package io.relais.web;

import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A change aimed at an id that belongs to another kind of record is a 404, like an id nobody has. */
class RecordKindTest extends ApiTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {
            "POST /api/v1/leads/{id}/qualify",
            "PUT /api/v1/opportunities/{id}/amount {\"amount\": 12}",
            "PUT /api/v1/products/{id} {\"name\": \"Not a product\"}",
            "POST /api/v1/activities/{id}/cancel"})
    void aChangeToAnAccountIdThroughAnotherKindOfRecordIsNotFoundAndChangesNothing(String request) {
        String account = api().post("/api/v1/accounts", "{\"legalName\": \"Record Kind SA\"}").header("Location")
                .replaceAll(".*/", "");
        String[] parts = request.replace("{id}", account).split(" ", 3);
        long before = storedEvents();

        Response refused = api().send(parts[0], parts[1], parts.length > 2 ? parts[2] : null, "application/json");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body().path("type").asText()).isEqualTo("urn:relais:problem:not-found");
        assertThat(storedEvents()).isEqualTo(before);
    }
}
