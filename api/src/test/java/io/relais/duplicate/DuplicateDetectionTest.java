package io.relais.duplicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.sample.SampleCompanies;
import io.relais.sample.SampleCompanies.Company;
import io.relais.sample.SampleCompanies.Person;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Duplicate detection over HTTP on a generated French data set: forty distinct companies, and the duplicates
 * planted among them the way they arrive in a CRM (a careless import in capitals, a missing legal form, a
 * typo, another way to write the website, a phone or an e-mail). Every planted pair is found, with its
 * reasons, and nothing else is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuplicateDetectionTest extends ApiTestSupport {

    private static final int COMPANIES = 40;

    private final SampleCompanies samples = new SampleCompanies(2026);
    private final List<String> mine = new ArrayList<>();
    private final Map<String, Company> companies = new LinkedHashMap<>();
    private TestUser manager;
    private TestUser rep;
    private TestUser colleague;
    private TestUser outsider;
    private TestUser steward;
    private String shouted;
    private String withoutForm;
    private String typo;
    private String sameWebsite;
    private String outsidersCopy;
    private Response shoutedCreation;

    @BeforeAll
    void dataSet() {
        manager = user("manager", Profile.SALES_MANAGER);
        rep = user("rep", Profile.SALES_REP, manager);
        colleague = user("colleague", Profile.SALES_REP, manager);
        outsider = user("outsider", Profile.SALES_REP);
        steward = user("steward", Profile.DATA_STEWARD);
        for (int i = 0; i < COMPANIES; i++) {
            Company company = samples.company(i * 41);
            String id = account(i % 2 == 0 ? rep : colleague, company.legalName(), company.siret(), company.phone(),
                    company.website());
            companies.put(id, company);
        }
        List<String> ids = List.copyOf(companies.keySet());
        Company first = companies.get(ids.get(0));
        shoutedCreation = rep.api().post("/api/v1/accounts", body(SampleCompanies.shouted(first.legalName()),
                first.siret(), null, null));
        assertThat(shoutedCreation.status()).as(shoutedCreation.toString()).isEqualTo(201);
        shouted = shoutedCreation.body().get("id").asText();
        mine.add(shouted);
        Company second = companies.get(ids.get(1));
        withoutForm = account(rep, SampleCompanies.withoutLegalForm(second.legalName()), null,
                SampleCompanies.internationalPhone(second.phone()), null);
        Company third = companies.get(ids.get(2));
        typo = account(colleague, SampleCompanies.typo(third.legalName(), third.legalName().indexOf(' ') + 2),
                null, null, null);
        Company fourth = companies.get(ids.get(3));
        sameWebsite = account(rep, "Les Ateliers Réunis", null, null,
                fourth.website().replace("https://www.", "http://") + "/contact");
        outsidersCopy = account(outsider, SampleCompanies.withoutLegalForm(companies.get(ids.get(4)).legalName()),
                null, null, null);
        awaitCaughtUp(processor(DuplicateProjection.PROCESSING_GROUP));
    }

    @Test
    void everyPlantedDuplicateIsFoundWithItsReasonsAndNothingElse() {
        List<String> ids = List.copyOf(companies.keySet());
        Map<Set<String>, JsonNode> found = pairsAmong(steward, mine);

        assertThat(found.keySet()).containsExactlyInAnyOrder(Set.of(ids.get(0), shouted),
                Set.of(ids.get(1), withoutForm), Set.of(ids.get(2), typo), Set.of(ids.get(3), sameWebsite),
                Set.of(ids.get(4), outsidersCopy));
        assertThat(rules(found.get(Set.of(ids.get(0), shouted)))).containsExactlyInAnyOrder("SIRET", "SIREN",
                "COMPANY_NAME");
        assertThat(found.get(Set.of(ids.get(0), shouted)).get("score").asDouble()).isEqualTo(1.0);
        assertThat(rules(found.get(Set.of(ids.get(1), withoutForm)))).containsExactlyInAnyOrder("PHONE",
                "COMPANY_NAME");
        assertThat(rules(found.get(Set.of(ids.get(2), typo)))).containsExactly("COMPANY_NAME");
        assertThat(found.get(Set.of(ids.get(2), typo)).get("score").asDouble()).isBetween(0.6, 0.99);
        assertThat(rules(found.get(Set.of(ids.get(3), sameWebsite)))).containsExactly("DOMAIN");
    }

    @Test
    void eachUserSeesOnlyThePairsWhoseTwoAccountsAreInTheirReach() {
        List<String> ids = List.copyOf(companies.keySet());

        assertThat(pairsAmong(rep, mine).keySet()).containsExactly(Set.of(ids.get(0), shouted));
        assertThat(pairsAmong(manager, mine).keySet()).containsExactlyInAnyOrder(Set.of(ids.get(0), shouted),
                Set.of(ids.get(1), withoutForm), Set.of(ids.get(2), typo), Set.of(ids.get(3), sameWebsite));
        assertThat(outsider.api().get("/api/v1/duplicates?kind=ACCOUNT&recordId=" + outsidersCopy).body()
                .get("totalElements").asInt()).isZero();
    }

    @Test
    void creatingAnAccountAnswersWithTheLikelyDuplicatesTheCallerMaySee() {
        String original = List.copyOf(companies.keySet()).get(0);
        JsonNode possible = shoutedCreation.body().get("possibleDuplicates");

        assertThat(possible).extracting(match -> match.get("id").asText()).containsExactly(original);
        assertThat(possible.get(0).get("kind").asText()).isEqualTo("ACCOUNT");
        assertThat(possible.get(0).get("label").asText()).isEqualTo(companies.get(original).legalName());
        JsonNode outsiders = outsider.api().post("/api/v1/accounts", body(SampleCompanies.shouted(
                companies.get(original).legalName()), null, null, null)).body().get("possibleDuplicates");
        assertThat(outsiders).isEmpty();
        assertThat(rep.api().get("/api/v1/accounts/" + original + "/duplicates").body())
                .extracting(match -> match.get("id").asText()).contains(shouted);
    }

    @Test
    void leadsMatchOnTheirMailboxWhateverItsSpellingButColleaguesAreNotDuplicates() {
        Company company = samples.company(3_001);
        Person person = samples.person(company, 1);
        Person coworker = samples.person(company, 2);
        String lead = lead(person.firstName(), person.lastName(), person.email(), company.legalName());
        Response variant = rep.api().post("/api/v1/leads", leadBody(null, null,
                SampleCompanies.emailVariant(person.email()), null));
        String colleagueLead = lead(coworker.firstName(), coworker.lastName(), coworker.email(), company.legalName());
        String namesake = lead(person.firstName(), person.lastName(), null, company.legalName());

        assertThat(variant.status()).as(variant.toString()).isEqualTo(201);
        JsonNode possible = variant.body().get("possibleDuplicates");
        assertThat(possible).extracting(match -> match.get("id").asText()).contains(lead);
        assertThat(possible.get(0).get("reasons").get(0).get("rule").asText()).isEqualTo("EMAIL");
        awaitCaughtUp(processor(DuplicateProjection.PROCESSING_GROUP));
        Map<Set<String>, JsonNode> pairs = pairs(steward, "LEAD", lead);
        assertThat(pairs.keySet()).containsExactlyInAnyOrder(Set.of(lead, variant.body().get("id").asText()),
                Set.of(lead, namesake));
        assertThat(rules(pairs.get(Set.of(lead, namesake)))).containsExactly("PERSON_NAME");
        assertThat(pairs(steward, "LEAD", colleagueLead)).isEmpty();
    }

    @Test
    void convertingALeadOfAKnownCompanyPointsToTheAccountAndContactItMayAlreadyBe() {
        String existing = List.copyOf(companies.keySet()).get(6);
        Company company = companies.get(existing);
        Person person = samples.person(company, 3);
        assertThat(rep.api().post("/api/v1/accounts/" + existing + "/contacts", "{\"firstName\": \""
                + person.firstName() + "\", \"lastName\": \"" + person.lastName() + "\", \"emails\": [\""
                + person.email() + "\"]}").status()).isEqualTo(201);
        String lead = lead(person.firstName(), person.lastName(), SampleCompanies.emailVariant(person.email()),
                SampleCompanies.shouted(company.legalName()));
        assertThat(rep.api().post("/api/v1/leads/" + lead + "/qualify", null).status()).isEqualTo(200);
        awaitCaughtUp(processor(DuplicateProjection.PROCESSING_GROUP));

        Response converted = rep.api().post("/api/v1/leads/" + lead + "/convert", "{}");

        assertThat(converted.status()).as(converted.toString()).isEqualTo(200);
        JsonNode possible = converted.body().get("possibleDuplicates");
        assertThat(possible).extracting(match -> match.get("kind").asText() + " " + match.get("accountId").asText(""))
                .contains("ACCOUNT ", "CONTACT " + existing);
        assertThat(possible).extracting(match -> match.get("id").asText()).contains(existing);
    }

    @Test
    void aDismissedPairLeavesTheListForGoodAndOnlyVisibleRecordsCanBeDismissed() {
        String original = List.copyOf(companies.keySet()).get(8);
        String sister = account(rep, "Société Sœur", null, companies.get(original).phone(), null);
        awaitCaughtUp(processor(DuplicateProjection.PROCESSING_GROUP));
        assertThat(pairs(steward, "ACCOUNT", sister)).hasSize(1);

        Response readOnly = user("auditor", Profile.AUDITOR).api().post("/api/v1/accounts/" + sister
                + "/duplicates/dismiss", "{\"otherId\": \"" + original + "\"}");
        Response unknown = rep.api().post("/api/v1/accounts/" + sister + "/duplicates/dismiss",
                "{\"otherId\": \"" + outsidersCopy + "\"}");
        Response dismissed = steward.api().post("/api/v1/accounts/" + sister + "/duplicates/dismiss",
                "{\"otherId\": \"" + original + "\"}");
        Response again = steward.api().post("/api/v1/accounts/" + original + "/duplicates/dismiss",
                "{\"otherId\": \"" + sister + "\"}");

        assertThat(readOnly.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("type").asText()).isEqualTo("urn:relais:problem:unknown-account");
        assertThat(dismissed.status()).as(dismissed.toString()).isEqualTo(204);
        assertThat(again.status()).isEqualTo(204);
        assertThat(pairs(steward, "ACCOUNT", sister)).isEmpty();
        assertThat(rep.api().patch("/api/v1/accounts/" + sister, "{\"legalName\": \"Société Sœur SARL\"}").status())
                .isEqualTo(200);
        awaitCaughtUp(processor(DuplicateProjection.PROCESSING_GROUP));
        assertThat(pairs(steward, "ACCOUNT", sister)).isEmpty();
    }

    @Test
    void badDuplicateListParametersAreProblems() {
        Map<String, String> problems = Map.of("kind=CONTACT", "kind", "kind=PARTNER", "kind", "", "kind",
                "kind=ACCOUNT&minScore=1.5", "minScore", "kind=ACCOUNT&minScore=NaN", "minScore",
                "kind=ACCOUNT&size=500", "size");
        problems.forEach((query, field) -> {
            Response response = steward.api().get("/api/v1/duplicates?" + query);
            assertThat(response.status()).as(query + " " + response).isEqualTo(400);
            assertThat(response.body().get("field").asText()).as(query).isEqualTo(field);
        });
    }

    private Map<Set<String>, JsonNode> pairsAmong(TestUser viewer, List<String> planted) {
        Set<String> ours = new HashSet<>(companies.keySet());
        ours.addAll(planted);
        ours.add(outsidersCopy);
        Map<Set<String>, JsonNode> found = new LinkedHashMap<>();
        for (String id : ours) {
            pairs(viewer, "ACCOUNT", id).forEach((pair, node) -> {
                if (ours.containsAll(pair)) {
                    found.put(pair, node);
                }
            });
        }
        return found;
    }

    private Map<Set<String>, JsonNode> pairs(TestUser viewer, String kind, String recordId) {
        Response response = viewer.api().get("/api/v1/duplicates?kind=" + kind + "&recordId=" + recordId
                + "&size=200");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Map<Set<String>, JsonNode> pairs = new LinkedHashMap<>();
        for (JsonNode pair : response.body().get("content")) {
            pairs.put(Set.of(pair.get("first").get("id").asText(), pair.get("second").get("id").asText()), pair);
        }
        return pairs;
    }

    private static List<String> rules(JsonNode pair) {
        List<String> rules = new ArrayList<>();
        pair.get("reasons").forEach(reason -> rules.add(reason.get("rule").asText()));
        return rules;
    }

    private String account(TestUser owner, String legalName, String siret, String phone, String website) {
        Response created = owner.api().post("/api/v1/accounts", body(legalName, siret, phone, website));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().get("id").asText();
        mine.add(id);
        return id;
    }

    private static String body(String legalName, String siret, String phone, String website) {
        return "{\"legalName\": \"" + legalName + "\"" + (siret == null ? "" : ", \"siret\": \"" + siret + "\"")
                + (phone == null ? "" : ", \"phone\": \"" + phone + "\"")
                + (website == null ? "" : ", \"website\": \"" + website + "\"") + "}";
    }

    private String lead(String firstName, String lastName, String email, String company) {
        Response created = rep.api().post("/api/v1/leads", leadBody(firstName, lastName, email, company));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private String leadBody(String firstName, String lastName, String email, String company) {
        return "{\"source\": \"PARTNER_FILE\", \"ownerId\": \"" + rep.id() + "\""
                + (firstName == null ? "" : ", \"firstName\": \"" + firstName + "\"")
                + (lastName == null ? "" : ", \"lastName\": \"" + lastName + "\"")
                + (email == null ? "" : ", \"email\": \"" + email + "\"")
                + (company == null ? "" : ", \"company\": \"" + company + "\"") + "}";
    }
}
