package io.relais.duplicate;

import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may ask for a record's likely duplicates, dismiss them, merge or move: the organisation's rules. */
class DuplicateAccessTest extends ApiTestSupport {

    @Test
    void aLeadsLikelyDuplicatesAreShownToThoseWhoSeeItAndDismissedByThoseWhoMayChangeIt() {
        TestUser manager = user("manager", Profile.SALES_MANAGER);
        TestUser rep = user("rep", Profile.SALES_REP, manager);
        TestUser peer = user("peer", Profile.SALES_REP, manager);
        TestUser auditor = user("auditor", Profile.AUDITOR);
        String email = "Sophie.Carre." + UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        String first = lead(rep, "{\"firstName\": \"Sophie\", \"lastName\": \"Carré\", \"email\": \"" + email + "\"}");
        String second = lead(rep, "{\"lastName\": \"Carre\", \"email\": \"" + email.toLowerCase().replace(".", "")
                .replace("@exemplefr", "@exemple.fr") + "\"}");
        awaitCaughtUp(processor(DuplicateProjection.PROCESSING_GROUP));

        Response own = rep.api().get("/api/v1/leads/" + first + "/duplicates");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).extracting(match -> match.get("id").asText()).contains(second);
        assertThat(manager.api().get("/api/v1/leads/" + first + "/duplicates").status()).isEqualTo(200);
        assertThat(peer.api().get("/api/v1/leads/" + first + "/duplicates").status()).isEqualTo(404);
        assertThat(peer.api().get("/api/v1/duplicates?kind=LEAD&recordId=" + first).body().get("totalElements").asInt())
                .isZero();
        assertThat(manager.api().get("/api/v1/duplicates?kind=LEAD&recordId=" + first).body().get("totalElements")
                .asInt()).isEqualTo(1);

        long before = storedEvents();
        Response byAuditor = auditor.api().post("/api/v1/leads/" + first + "/duplicates/dismiss",
                "{\"otherId\": \"" + second + "\"}");
        Response byPeer = peer.api().post("/api/v1/leads/" + first + "/duplicates/dismiss",
                "{\"otherId\": \"" + second + "\"}");
        Response unknownOther = rep.api().post("/api/v1/leads/" + first + "/duplicates/dismiss",
                "{\"otherId\": \"no-such-lead\"}");
        assertThat(byAuditor.status()).isEqualTo(403);
        assertThat(byPeer.status()).isEqualTo(404);
        assertThat(unknownOther.status()).isEqualTo(400);
        assertThat(unknownOther.body().get("type").asText()).isEqualTo("urn:relais:problem:unknown-lead");
        assertThat(storedEvents()).isEqualTo(before);

        Response dismissed = manager.api().post("/api/v1/leads/" + first + "/duplicates/dismiss",
                "{\"otherId\": \"" + second + "\"}");
        assertThat(dismissed.status()).as(dismissed.toString()).isEqualTo(204);
        assertThat(manager.api().get("/api/v1/duplicates?kind=LEAD&recordId=" + first).body().get("totalElements")
                .asInt()).isZero();
    }

    @Test
    void anAccountsLikelyDuplicatesMergesAndMovesFollowTheAccountsVisibility() {
        TestUser rep = user("rep", Profile.SALES_REP);
        TestUser peer = user("peer", Profile.SALES_REP);
        TestUser auditor = user("auditor", Profile.AUDITOR);
        String account = account(rep, "Quincaillerie Vidal " + UUID.randomUUID().toString().substring(0, 6));
        String other = account(rep, "Autre Quincaillerie");
        String contact = rep.api().post("/api/v1/accounts/" + account + "/contacts", "{\"lastName\": \"Vidal\"}")
                .header("Location").replaceAll(".*/", "");
        String lead = lead(rep, "{\"lastName\": \"Vidal\", \"company\": \"Quincaillerie Vidal\"}");
        String otherLead = lead(rep, "{\"lastName\": \"Vidal\", \"company\": \"Quincaillerie\"}");
        long before = storedEvents();

        assertThat(peer.api().get("/api/v1/accounts/" + account + "/duplicates").status()).isEqualTo(404);
        assertThat(auditor.api().get("/api/v1/accounts/" + account + "/duplicates").status()).isEqualTo(200);
        assertThat(auditor.api().post("/api/v1/accounts/" + account + "/contacts/" + contact + "/move",
                "{\"toAccountId\": \"" + other + "\"}").status()).isEqualTo(403);
        assertThat(peer.api().post("/api/v1/accounts/" + account + "/contacts/" + contact + "/move",
                "{\"toAccountId\": \"" + other + "\"}").status()).isEqualTo(404);
        assertThat(auditor.api().post("/api/v1/leads/" + lead + "/merge", "{\"duplicateId\": \"" + otherLead + "\"}")
                .status()).isEqualTo(403);
        assertThat(peer.api().post("/api/v1/leads/" + lead + "/merge", "{\"duplicateId\": \"" + otherLead + "\"}")
                .status()).isEqualTo(404);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aLeadsRoutesTakeOnlyLeadsAndAnAccountsOnlyAccounts() {
        TestUser rep = user("rep", Profile.SALES_REP);
        String account = account(rep, "Menuiserie Berthier " + UUID.randomUUID().toString().substring(0, 6));
        String lead = lead(rep, "{\"lastName\": \"Berthier\", \"company\": \"Menuiserie Berthier\"}");
        long before = storedEvents();

        Response leadNamingAnAccount = rep.api().post("/api/v1/leads/" + lead + "/duplicates/dismiss",
                "{\"otherId\": \"" + account + "\"}");
        Response accountNamingALead = rep.api().post("/api/v1/accounts/" + account + "/duplicates/dismiss",
                "{\"otherId\": \"" + lead + "\"}");

        assertThat(leadNamingAnAccount.status()).as(leadNamingAnAccount.toString()).isEqualTo(400);
        assertThat(leadNamingAnAccount.body().get("type").asText()).isEqualTo("urn:relais:problem:unknown-lead");
        assertThat(leadNamingAnAccount.body().get("field").asText()).isEqualTo("otherId");
        assertThat(accountNamingALead.status()).as(accountNamingALead.toString()).isEqualTo(400);
        assertThat(accountNamingALead.body().get("type").asText()).isEqualTo("urn:relais:problem:unknown-account");
        assertThat(rep.api().get("/api/v1/leads/" + account + "/duplicates").status()).isEqualTo(404);
        assertThat(rep.api().get("/api/v1/accounts/" + lead + "/duplicates").status()).isEqualTo(404);
        assertThat(rep.api().get("/api/v1/accounts/" + account + "/duplicates").status()).isEqualTo(200);
        assertThat(storedEvents()).isEqualTo(before);
    }

    private String account(TestUser owner, String legalName) {
        Response created = owner.api().post("/api/v1/accounts", "{\"legalName\": \"" + legalName + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private String lead(TestUser owner, String body) {
        Response created = owner.api().post("/api/v1/leads", body.replaceFirst("\\{",
                "{\"source\": \"REP_ENTRY\", \"ownerId\": \"" + owner.id() + "\", "));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }
}
