package io.relais.organisation;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Leads captured without an owner by an administrator or the system are routed by the territory rules (a sales
 * user's own are theirs). Every test matches on a postal code prefix of its own, so that its rules catch no other
 * test's leads.
 */
class LeadRoutingTest extends ApiTestSupport {

    private final String postalPrefix = "Z" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    @Test
    void theHighestPriorityRuleWinsAndTheEventsSayWhichRuleChoseWhom() {
        TestUser general = user("general", Profile.SALES_REP);
        TestUser software = user("software", Profile.SALES_REP);
        String generalTerritory = territory(general);
        String softwareTerritory = territory(software);
        addRule(generalTerritory, "everything", 10, "\"postalCodePrefix\": \"" + postalPrefix + "\"");
        addRule(softwareTerritory, "software", 50,
                "\"postalCodePrefix\": \"" + postalPrefix + "\", \"nafCodePrefix\": \"62\"");

        String softwareLead = capture("6201Z");
        String retailLead = capture("47.11A");

        assertThat(routedOwner(softwareLead)).isEqualTo(software.id());
        assertThat(routedOwner(retailLead)).isEqualTo(general.id());
        JsonNode assignment = api().get("/api/v1/leads/" + softwareLead + "/history").body().get("content").get(1);
        assertThat(assignment.get("userId").asText()).isEqualTo("system:lead-routing");
        assertThat(assignment.get("onBehalfOf").asText()).isEqualTo("admin");
        assertThat(assignment.get("changes").toString()).contains(softwareTerritory + "/software");
        assertThat(software.api().get("/api/v1/leads/" + softwareLead).status()).isEqualTo(200);
        assertThat(general.api().get("/api/v1/leads/" + softwareLead).status()).isEqualTo(404);
    }

    @Test
    void aTerritorysRepsTakeItsLeadsInTurn() {
        List<TestUser> reps = List.of(user("first", Profile.SALES_REP), user("second", Profile.SALES_REP),
                user("third", Profile.SALES_REP));
        String territory = territory(reps.toArray(TestUser[]::new));
        addRule(territory, "all", 1, "\"postalCodePrefix\": \"" + postalPrefix + "\"");

        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            owners.add(routedOwner(capture(null)));
        }

        Map<String, Long> leadsPerRep = owners.stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        assertThat(leadsPerRep).containsOnlyKeys(reps.stream().map(TestUser::id).toList());
        assertThat(leadsPerRep.values()).containsOnly(10L);
        for (int i = 3; i < owners.size(); i++) {
            assertThat(owners.get(i)).isEqualTo(owners.get(i - 3));
        }
    }

    @Test
    void aLeadMatchingNoRuleGoesToTheDefaultOwnerOrStaysInTheQueue() {
        TestUser queueKeeper = user("queue-keeper", Profile.SALES_REP);
        assertThat(api().put("/api/v1/lead-routing/default-owner", "{\"ownerId\": \"" + queueKeeper.id() + "\"}")
                .body().get("defaultOwnerId").asText()).isEqualTo(queueKeeper.id());
        String routed;
        try {
            routed = capture(null);
            assertThat(routedOwner(routed)).isEqualTo(queueKeeper.id());
        } finally {
            assertThat(api().put("/api/v1/lead-routing/default-owner", "{\"ownerId\": null}").status()).isEqualTo(200);
        }

        String queued = capture(null);

        await().atMost(Duration.ofSeconds(10)).until(() -> leadRoutedEvents(queued) == 1);
        assertThat(api().get("/api/v1/leads/" + queued).body().get("ownerId").isNull()).isTrue();
        assertThat(queueKeeper.api().get("/api/v1/leads/" + queued).status()).isEqualTo(404);
    }

    @Test
    void aPersonsChoiceIsNeverOverriddenByTheRules() {
        TestUser territoryRep = user("territory-rep", Profile.SALES_REP);
        TestUser chosen = user("chosen", Profile.SALES_REP);
        addRule(territory(territoryRep), "all", 1, "\"postalCodePrefix\": \"" + postalPrefix + "\"");

        Response created = api().post("/api/v1/leads", "{\"email\": \"" + UUID.randomUUID()
                + "@example.fr\", \"postalCode\": \"" + postalPrefix + "01\", \"source\": \"WEB_FORM\", "
                + "\"ownerId\": \"" + chosen.id() + "\"}");

        assertThat(created.body().get("ownerId").asText()).isEqualTo(chosen.id());
        assertThat(leadRoutedEvents(created.body().get("id").asText())).isZero();
    }

    @Test
    void aSalesUsersOwnEntryIsTheirsEvenWhereARuleMatches() {
        TestUser territoryRep = user("territory-rep", Profile.SALES_REP);
        TestUser manager = user("entering-manager", Profile.SALES_MANAGER);
        TestUser rep = user("entering-rep", Profile.SALES_REP, manager);
        addRule(territory(territoryRep), "all", 1, "\"postalCodePrefix\": \"" + postalPrefix + "\"");

        for (TestUser author : List.of(rep, manager)) {
            Response created = author.api().post("/api/v1/leads", "{\"email\": \"" + UUID.randomUUID()
                    + "@example.fr\", \"postalCode\": \"" + postalPrefix + "01\", \"source\": \"REP_ENTRY\"}");

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.body()).as(created.toString()).isNotNull();
            String leadId = created.body().get("id").asText();
            assertThat(created.body().get("ownerId").asText()).isEqualTo(author.id());
            awaitSettled();
            assertThat(author.api().get("/api/v1/leads/" + leadId).body().get("ownerId").asText())
                    .isEqualTo(author.id());
            assertThat(leadRoutedEvents(leadId)).isZero();
        }
    }

    @Test
    void badRoutingSetUpIsRefused() {
        String territory = territory();
        TestUser auditor = user("auditor", Profile.AUDITOR);

        Response emptyRule = api().post("/api/v1/territories/" + territory + "/rules", "{\"priority\": 1}");
        Response badPriority = api().post("/api/v1/territories/" + territory + "/rules",
                "{\"priority\": -1, \"country\": \"FR\"}");
        Response badCountry = api().post("/api/v1/territories/" + territory + "/rules",
                "{\"priority\": 1, \"country\": \"France\"}");
        Response auditorMember = api().put("/api/v1/territories/" + territory + "/members/" + auditor.id(), null);
        Response unknownTerritory = api().put("/api/v1/territories/nowhere-" + postalPrefix + "/members/admin", null);
        Response duplicate = api().post("/api/v1/territories", "{\"territoryId\": \"" + territory + "\", \"name\": \"X\"}");

        assertThat(emptyRule.body().get("type").asText()).isEqualTo("urn:relais:problem:empty-rule");
        assertThat(badPriority.body().get("field").asText()).isEqualTo("priority");
        assertThat(badCountry.body().get("type").asText()).isEqualTo("urn:relais:problem:invalid-country");
        assertThat(auditorMember.status()).isEqualTo(400);
        assertThat(auditorMember.body().get("type").asText()).isEqualTo("urn:relais:problem:cannot-own-records");
        assertThat(unknownTerritory.status()).isEqualTo(404);
        assertThat(duplicate.status()).isEqualTo(409);
        JsonNode stored = api().get("/api/v1/territories/" + territory).body();
        assertThat(stored.get("rules")).isEmpty();
        assertThat(stored.get("members")).isEmpty();
    }

    private String territory(TestUser... members) {
        String id = "territory-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().post("/api/v1/territories", "{\"territoryId\": \"" + id + "\", \"name\": \"" + id + "\"}")
                .status()).isEqualTo(201);
        for (TestUser member : members) {
            assertThat(api().put("/api/v1/territories/" + id + "/members/" + member.id(), null).status())
                    .isEqualTo(200);
        }
        return id;
    }

    private void addRule(String territory, String ruleId, int priority, String criteria) {
        Response added = api().post("/api/v1/territories/" + territory + "/rules",
                "{\"ruleId\": \"" + ruleId + "\", \"priority\": " + priority + ", " + criteria + "}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
    }

    private String capture(String nafCode) {
        Response created = api().post("/api/v1/leads", "{\"email\": \"" + UUID.randomUUID()
                + "@example.fr\", \"postalCode\": \"" + postalPrefix + "01\", \"source\": \"WEB_FORM\", \"nafCode\": "
                + (nafCode == null ? "null" : "\"" + nafCode + "\"") + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private String routedOwner(String leadId) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> api().get("/api/v1/leads/" + leadId).body().get("ownerId"),
                owner -> owner != null && !owner.isNull()).asText();
    }

    private long leadRoutedEvents(String leadId) {
        return eventsOf(OrganisationIds.ORGANISATION_ID).stream().map(Message::getPayload)
                .filter(event -> event instanceof LeadRouted routed && routed.leadId().equals(leadId)
                        || event instanceof LeadRoutedToDefault toDefault && toDefault.leadId().equals(leadId))
                .count();
    }
}
