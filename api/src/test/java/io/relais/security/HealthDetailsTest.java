package io.relais.security;

import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Health answers anyone with its status; what it is made of (disk, database, processors) only administrators. */
class HealthDetailsTest extends ApiTestSupport {

    @Test
    void anonymousCallersAndOtherProfilesGetTheStatusAlone() {
        TestUser rep = user("health-rep", Profile.SALES_REP);

        for (Response health : new Response[]{anonymous().get("/actuator/health"), rep.api().get("/actuator/health")}) {
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body().get("status").asText()).isEqualTo("UP");
            assertThat(health.body().has("components")).isFalse();
            assertThat(health.body().has("details")).isFalse();
        }
    }

    @Test
    void administratorsGetTheComponentsAndTheirDetails() {
        Response health = api().get("/actuator/health");

        assertThat(health.body().at("/components/diskSpace/details").has("path")).isTrue();
        assertThat(health.body().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/components/readinessState/status").asText()).isEqualTo("UP");
    }
}
