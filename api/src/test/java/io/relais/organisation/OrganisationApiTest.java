package io.relais.organisation;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Administrators manage users and the reporting line over HTTP; the rules of the organisation hold. */
class OrganisationApiTest extends ApiTestSupport {

    @Test
    void anAdministratorRegistersAUserWhoCanThenSignIn() {
        TestUser manager = user("manager", Profile.SALES_MANAGER);
        String id = "jeanne-" + UUID.randomUUID().toString().substring(0, 8);

        Response created = api().post("/api/v1/users", """
                {"userId": "%s", "displayName": "Jeanne Martin", "email": "jeanne@example.fr",
                 "profile": "SALES_REP", "managerId": "%s", "password": "a-long-enough-password"}
                """.formatted(id, manager.id()));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/users/" + id);
        assertThat(created.body().get("managerId").asText()).isEqualTo(manager.id());
        assertThat(created.body().get("active").asBoolean()).isTrue();
        Response me = anonymous().basic(id, "a-long-enough-password").get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("profile").asText()).isEqualTo("SALES_REP");
        assertThat(anonymous().basic(id, "a-wrong-password!!").get("/api/v1/me").status()).isEqualTo(401);
        assertThat(api().get("/api/v1/users?managerId=" + manager.id()).body().get("totalElements").asInt())
                .isEqualTo(1);
    }

    static Stream<Arguments> badRegistrations() {
        return Stream.of(
                Arguments.of("{\"userId\": \"Bad Id\", \"displayName\": \"X\", \"profile\": \"SALES_REP\"}",
                        400, "invalid-user-id", "userId"),
                Arguments.of("{\"userId\": \"ok-id\", \"profile\": \"SALES_REP\"}", 400, "required", "displayName"),
                Arguments.of("{\"userId\": \"ok-id\", \"displayName\": \"X\"}", 400, "required", "profile"),
                Arguments.of("{\"userId\": \"ok-id\", \"displayName\": \"X\", \"profile\": \"KING\"}",
                        400, "invalid-value", "profile"),
                Arguments.of("{\"userId\": \"ok-id\", \"displayName\": \"X\", \"profile\": \"SALES_REP\", "
                        + "\"managerId\": \"nobody-here\"}", 400, "unknown-manager", "managerId"),
                Arguments.of("{\"userId\": \"ok-id\", \"displayName\": \"X\", \"profile\": \"SALES_REP\", "
                        + "\"email\": \"not-an-email\"}", 400, "invalid-email", "email"),
                Arguments.of("{\"userId\": \"ok-id\", \"displayName\": \"X\", \"profile\": \"SALES_REP\", "
                        + "\"password\": \"short\"}", 400, "weak-password", "password"),
                Arguments.of("{\"userId\": \"admin\", \"displayName\": \"X\", \"profile\": \"SALES_REP\"}",
                        409, "user-exists", "userId"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badRegistrations")
    void aBadRegistrationIsRefusedWithAProblemAndChangesNothing(String body, int status, String code, String field) {
        long before = storedEvents();

        Response refused = api().post("/api/v1/users", body);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(status);
        assertThat(refused.body().get("type").asText()).isEqualTo("urn:relais:problem:" + code);
        assertThat(refused.body().get("field").asText()).isEqualTo(field);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(api().get("/api/v1/users/ok-id").status()).isEqualTo(404);
    }

    @Test
    void onlyAdministratorsManageTheOrganisation() {
        TestUser manager = user("manager", Profile.SALES_MANAGER);
        long before = storedEvents();

        Response refused = manager.api().post("/api/v1/users",
                "{\"userId\": \"sneaky\", \"displayName\": \"S\", \"profile\": \"ADMINISTRATOR\"}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("type").asText()).isEqualTo("urn:relais:problem:forbidden");
        assertThat(manager.api().post("/api/v1/territories", "{\"territoryId\": \"t\", \"name\": \"T\"}").status())
                .isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(manager.api().get("/api/v1/users/" + manager.id()).status()).isEqualTo(200);
    }

    @Test
    void aCycleInTheHierarchyIsRefused() {
        TestUser director = user("director", Profile.SALES_MANAGER);
        TestUser manager = user("manager", Profile.SALES_MANAGER, director);

        Response cycle = api().put("/api/v1/users/" + director.id() + "/manager",
                "{\"managerId\": \"" + manager.id() + "\"}");
        Response self = api().put("/api/v1/users/" + director.id() + "/manager",
                "{\"managerId\": \"" + director.id() + "\"}");

        assertThat(cycle.status()).isEqualTo(409);
        assertThat(cycle.body().get("type").asText()).isEqualTo("urn:relais:problem:hierarchy-cycle");
        assertThat(cycle.body().get("field").asText()).isEqualTo("managerId");
        assertThat(self.status()).isEqualTo(409);
        assertThat(api().get("/api/v1/users/" + director.id()).body().get("managerId").isNull()).isTrue();
        assertThat(api().put("/api/v1/users/nobody-" + UUID.randomUUID() + "/manager", "{\"managerId\": null}")
                .status()).isEqualTo(404);
    }

    @Test
    void deactivatingSomeoneWhoOwnsOpenLeadsNeedsASuccessorWhoThenReceivesThem() {
        TestUser leaver = user("leaver", Profile.SALES_REP);
        TestUser successor = user("successor", Profile.SALES_REP);
        String open = captureFor(leaver.id());
        String disqualified = captureFor(leaver.id());
        assertThat(api().post("/api/v1/leads/" + disqualified + "/disqualify", "{\"reason\": \"NO_NEED\"}").status())
                .isEqualTo(200);

        Response refused = api().post("/api/v1/users/" + leaver.id() + "/deactivate", "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("type").asText()).isEqualTo("urn:relais:problem:open-records");
        assertThat(refused.body().get("field").asText()).isEqualTo("successorId");
        assertThat(leaver.api().get("/api/v1/me").status()).isEqualTo(200);

        Response deactivated = api().post("/api/v1/users/" + leaver.id() + "/deactivate",
                "{\"successorId\": \"" + successor.id() + "\"}");

        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(deactivated.body().get("active").asBoolean()).isFalse();
        assertThat(leaver.api().get("/api/v1/me").status()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api().get("/api/v1/leads/" + open).body().get("ownerId").asText())
                        .isEqualTo(successor.id()));
        assertThat(api().get("/api/v1/leads/" + disqualified).body().get("ownerId").asText()).isEqualTo(leaver.id());
        JsonNode reassignment = api().get("/api/v1/leads/" + open + "/history").body().get("content").get(1);
        assertThat(reassignment.get("userId").asText()).isEqualTo("system:record-reassignment");
        assertThat(reassignment.get("onBehalfOf").asText()).isEqualTo("admin");
        assertThat(successor.api().get("/api/v1/leads/" + open).status()).isEqualTo(200);

        assertThat(api().post("/api/v1/users/" + leaver.id() + "/reactivate", null).status()).isEqualTo(200);
        assertThat(leaver.api().get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void aUserChangesTheirOwnPasswordButNotSomeoneElses() {
        TestUser rep = user("rep", Profile.SALES_REP);
        TestUser colleague = user("colleague", Profile.SALES_REP);

        assertThat(rep.api().put("/api/v1/users/" + colleague.id() + "/password",
                "{\"password\": \"an-attackers-password\"}").status()).isEqualTo(403);
        assertThat(rep.api().put("/api/v1/users/" + rep.id() + "/password", "{\"password\": \"short\"}").status())
                .isEqualTo(400);
        assertThat(rep.api().put("/api/v1/users/" + rep.id() + "/password",
                "{\"password\": \"my-brand-new-password\"}").status()).isEqualTo(204);

        assertThat(rep.api().get("/api/v1/me").status()).isEqualTo(401);
        assertThat(anonymous().basic(rep.id(), "my-brand-new-password").get("/api/v1/me").status()).isEqualTo(200);
        assertThat(colleague.api().get("/api/v1/me").status()).isEqualTo(200);
    }

    private String captureFor(String ownerId) {
        Response created = api().post("/api/v1/leads", "{\"email\": \"" + UUID.randomUUID()
                + "@example.fr\", \"source\": \"REP_ENTRY\", \"ownerId\": \"" + ownerId + "\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asText();
    }
}
