package io.relais.security;

import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import io.relais.support.NeedsPostgreSqlEventStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default signs users in with HTTP Basic against the stored password hashes. */
class BasicAuthenticationTest extends ApiTestSupport {

    @Test
    void theAdministratorSignsInWithThePasswordGivenOnFirstStart() {
        Response me = api().get("/api/v1/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("userId").asText()).isEqualTo("admin");
        assertThat(me.body().get("profile").asText()).isEqualTo("ADMINISTRATOR");
    }

    @NeedsPostgreSqlEventStore
    @Test
    void passwordsAreStoredAsStrongHashesOnly() {
        String hash = jdbc.queryForObject("select password_hash from user_credential where user_id = 'admin'",
                String.class);

        assertThat(hash).startsWith("{bcrypt}$2a$").doesNotContain(ADMIN_PASSWORD);
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where payload like ? or metadata like ?",
                Long.class, "%" + ADMIN_PASSWORD + "%", "%" + ADMIN_PASSWORD + "%")).isZero();
    }

    @Test
    void requestsWithoutValidCredentialsGetA401ProblemWithABasicChallenge() {
        for (Response refused : new Response[]{
                anonymous().get("/api/v1/leads"),
                anonymous().basic("admin", "not-the-password").get("/api/v1/leads"),
                anonymous().basic("nobody-at-all", "whatever-password").get("/api/v1/leads")}) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).startsWith("Basic realm=\"relais\"");
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.body().get("type").asText()).isEqualTo("urn:relais:problem:unauthenticated");
        }
    }

    @Test
    void healthAndTheApiDescriptionNeedNoSignIn() {
        assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous().get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(anonymous().get("/actuator/metrics").status()).isEqualTo(401);
    }

    @Test
    void everyEventRecordsTheSignedInUser() {
        TestUser rep = user("rep", Profile.SALES_REP);

        Response created = rep.api().post("/api/v1/leads",
                "{\"email\": \"who@example.fr\", \"source\": \"REP_ENTRY\", \"ownerId\": \"" + rep.id() + "\"}");

        assertThat(eventsOf(created.body().get("id").asText())).singleElement()
                .satisfies(event -> assertThat(event.getMetaData().get("userId")).isEqualTo(rep.id()));
    }

    @Test
    void aUrlTheFirewallRejectsIsA400Problem() {
        Response rejected = api().get("/api/v1/accounts//contacts");

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.body().get("type").asText()).isEqualTo("urn:relais:problem:rejected-url");
    }
}
