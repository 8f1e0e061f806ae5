package io.relais.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import io.relais.support.NeedsPostgreSqlEventStore;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The product catalogue over HTTP: administrators keep it, everyone reads it, prices are retired, never lost. */
class ProductApiTest extends ApiTestSupport {

    @Test
    void anAdministratorCataloguesAndPricesAProductAndEveryoneFindsThePriceOfTheDay() {
        TestUser rep = user("rep", Profile.SALES_REP);
        String code = "LIC-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = api().post("/api/v1/products", "{\"code\": \"" + code + "\", \"name\": \"Licence Relais "
                + "Équipe\", \"description\": \"Abonnement mensuel\", \"kind\": \"SERVICE\", \"unit\": \"licence par "
                + "mois\", \"leadTimeDays\": 2}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().get("id").asText();

        Response priced = api().post("/api/v1/products/" + id + "/prices", "{\"priceId\": \"std-2026\", \"currency\": "
                + "\"eur\", \"unitPrice\": 49.90, \"validFrom\": \"2026-01-01\", \"validUntil\": \"2027-01-01\"}");
        api().post("/api/v1/products/" + id + "/prices", "{\"priceId\": \"std-2027\", \"currency\": \"EUR\", "
                + "\"unitPrice\": 54.00, \"validFrom\": \"2027-01-01\"}");
        api().post("/api/v1/products/" + id + "/prices", "{\"priceId\": \"partner\", \"priceList\": \"PARTNERS\", "
                + "\"currency\": \"EUR\", \"unitPrice\": 39.5, \"validFrom\": \"2026-01-01\"}");

        assertThat(priced.status()).as(priced.toString()).isEqualTo(200);
        assertThat(priced.body().get("prices").get(0).get("priceList").asText()).isEqualTo("STANDARD");
        assertThat(priced.body().get("prices").get(0).get("currency").asText()).isEqualTo("EUR");
        assertThat(rep.api().get("/api/v1/products/" + id + "/price?currency=EUR&on=2026-06-01").body()
                .get("unitPrice").decimalValue()).isEqualByComparingTo("49.9");
        assertThat(rep.api().get("/api/v1/products/" + id + "/price?currency=EUR&on=2027-03-01").body()
                .get("unitPrice").decimalValue()).isEqualByComparingTo("54");
        assertThat(rep.api().get("/api/v1/products/" + id + "/price?priceList=PARTNERS&currency=EUR&on=2027-03-01")
                .body().get("unitPrice").decimalValue()).isEqualByComparingTo("39.5");
        assertThat(rep.api().get("/api/v1/products/" + id + "/price?currency=USD&on=2026-06-01").status())
                .isEqualTo(404);
        assertThat(rep.api().get("/api/v1/products?q=relais%20%C3%A9quipe").body().get("content"))
                .extracting(item -> item.get("id").asText()).contains(id);

        Response retired = api().post("/api/v1/products/" + id + "/prices/std-2026/retire",
                "{\"retiredOn\": \"2026-07-01\"}");
        assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
        assertThat(rep.api().get("/api/v1/products/" + id + "/price?currency=EUR&on=2026-08-01").status())
                .isEqualTo(404);
        assertThat(rep.api().get("/api/v1/products/" + id + "/price?currency=EUR&on=2026-06-01").body()
                .get("unitPrice").decimalValue()).isEqualByComparingTo("49.9");
        JsonNode stillThere = rep.api().get("/api/v1/products/" + id).body().get("prices");
        assertThat(stillThere).extracting(p -> p.get("priceId").asText() + " " + p.get("retiredOn").asText())
                .contains("std-2026 2026-07-01");

        assertThat(api().post("/api/v1/products/" + id + "/discontinue", null).status()).isEqualTo(200);
        assertThat(rep.api().get("/api/v1/products?q=" + code).body().get("totalElements").asInt()).isZero();
        assertThat(rep.api().get("/api/v1/products?includeDiscontinued=true&q=" + code).body().get("totalElements")
                .asInt()).isEqualTo(1);
    }

    @Test
    void onlyAdministratorsChangeTheCatalogueAndBadInputChangesNothing() {
        TestUser rep = user("rep", Profile.SALES_REP);
        String id = api().post("/api/v1/products", "{\"code\": \"SRV-" + UUID.randomUUID().toString().substring(0, 6)
                + "\", \"name\": \"Audit\", \"kind\": \"SERVICE\", \"unit\": \"jour\"}").body().get("id").asText();
        api().post("/api/v1/products/" + id + "/prices", "{\"currency\": \"EUR\", \"unitPrice\": 900, "
                + "\"validFrom\": \"2026-01-01\"}");
        long before = storedEvents();

        Map<String, Response> refused = Map.of(
                "rep creates", rep.api().post("/api/v1/products", "{\"code\": \"X1\", \"name\": \"X\", \"kind\": "
                        + "\"PRODUCT\", \"unit\": \"pièce\"}"),
                "rep prices", rep.api().post("/api/v1/products/" + id + "/prices", "{\"currency\": \"EUR\", "
                        + "\"unitPrice\": 1, \"validFrom\": \"2030-01-01\"}"),
                "no kind", api().post("/api/v1/products", "{\"code\": \"X2\", \"name\": \"X\", \"unit\": \"pièce\"}"),
                "bad currency", api().post("/api/v1/products/" + id + "/prices", "{\"currency\": \"EURO\", "
                        + "\"unitPrice\": 1, \"validFrom\": \"2030-01-01\"}"),
                "negative price", api().post("/api/v1/products/" + id + "/prices", "{\"currency\": \"EUR\", "
                        + "\"unitPrice\": -1, \"validFrom\": \"2030-01-01\"}"),
                "overlap", api().post("/api/v1/products/" + id + "/prices", "{\"currency\": \"EUR\", "
                        + "\"unitPrice\": 950, \"validFrom\": \"2026-06-01\"}"),
                "backwards", api().post("/api/v1/products/" + id + "/prices", "{\"currency\": \"EUR\", "
                        + "\"unitPrice\": 950, \"validFrom\": \"2031-06-01\", \"validUntil\": \"2031-01-01\"}"),
                "bad date", rep.api().get("/api/v1/products/" + id + "/price?currency=EUR&on=tomorrow"));
        Map<String, List<Object>> expected = Map.of(
                "rep creates", List.of(403, "forbidden"),
                "rep prices", List.of(403, "forbidden"),
                "no kind", List.of(400, "required"),
                "bad currency", List.of(400, "too-long"),
                "negative price", List.of(400, "invalid-amount"),
                "overlap", List.of(409, "overlapping-price"),
                "backwards", List.of(400, "invalid-range"),
                "bad date", List.of(400, "invalid-parameter"));
        expected.forEach((name, answer) -> {
            Response response = refused.get(name);
            assertThat(response.status()).as(name + " " + response).isEqualTo(answer.get(0));
            assertThat(response.body().get("type").asText()).as(name).isEqualTo("urn:relais:problem:" + answer.get(1));
        });
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(refused.get("rep creates").body().get("detail").asText())
                .isEqualTo("Only administrators keep the catalogue");
    }

    @Test
    void codesAreUniqueWhateverTheirCaseAndADiscontinuedProductKeepsItsCode() {
        String code = "UNQ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String first = createProduct(code).body().get("id").asText();
        String second = createProduct(code + "-B").body().get("id").asText();
        long before = storedEvents();

        Response sameCode = createProduct(code);
        Response otherCase = createProduct(code.toLowerCase());
        Response takenByAChange = api().put("/api/v1/products/" + second, details(code.toLowerCase()));
        assertThat(api().post("/api/v1/products/" + first + "/discontinue", null).status()).isEqualTo(200);
        Response takenByADiscontinued = createProduct(code);

        for (Response refused : List.of(sameCode, otherCase, takenByAChange, takenByADiscontinued)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.body().get("type").asText()).isEqualTo("urn:relais:problem:product-code-exists");
            assertThat(refused.body().get("field").asText()).isEqualTo("code");
            assertThat(refused.body().get("detail").asText()).contains(first);
        }
        assertThat(storedEvents()).isEqualTo(before + 1);
        assertThat(api().get("/api/v1/products/" + second).body().get("details").get("code").asText())
                .isEqualTo(code + "-B");
    }

    @Test
    void aCodeGivenUpByAChangeIsFreeAgain() {
        String code = "CHG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String id = createProduct(code).body().get("id").asText();

        Response changed = api().put("/api/v1/products/" + id, details(code + "-NEW"));
        Response reused = createProduct(code);

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(reused.status()).as(reused.toString()).isEqualTo(201);
        assertThat(createProduct(code + "-new").status()).isEqualTo(409);
    }

    @NeedsPostgreSqlEventStore
    @Test
    void twoSimultaneousCreationsOfOneCodeGiveOneProduct() throws Exception {
        String code = "SIM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

        List<Response> responses = concurrently(4, () -> createProduct(code));

        assertThat(responses).extracting(Response::status).containsOnlyOnce(201).containsOnly(201, 409);
        assertThat(responses).filteredOn(response -> response.status() == 409)
                .extracting(response -> response.body().get("type").asText())
                .containsOnly("urn:relais:problem:product-code-exists");
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where payloadtype = ? and payload like ?",
                Long.class, ProductCreated.class.getName(), "%\"" + code + "\"%")).isEqualTo(1);
    }

    /** The claim is in the transaction of the event append: a creation refused when appending claims nothing. */
    @Test
    void aClaimGoesBackWithARefusedCreation() {
        String code = "TX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String key = "catalogue-" + UUID.randomUUID();
        assertThat(api().post("/api/v1/products", details(code), "Idempotency-Key", key).status()).isEqualTo(201);

        Response reusedKey = api().post("/api/v1/products", details(code + "-OTHER"), "Idempotency-Key", key);

        assertThat(reusedKey.status()).as(reusedKey.toString()).isEqualTo(422);
        Response free = createProduct(code + "-OTHER");
        assertThat(free.status()).as(free.toString()).isEqualTo(201);
    }

    @Test
    void replayingTheCatalogueFromZeroGivesTheSameRows() {
        String id = api().post("/api/v1/products", "{\"code\": \"RPL-" + UUID.randomUUID().toString().substring(0, 6)
                + "\", \"name\": \"Rejeu\", \"kind\": \"PRODUCT\", \"unit\": \"pièce\"}").body().get("id").asText();
        api().post("/api/v1/products/" + id + "/prices", "{\"priceId\": \"p1\", \"currency\": \"EUR\", "
                + "\"unitPrice\": 12.5, \"validFrom\": \"2026-01-01\"}");
        api().post("/api/v1/products/" + id + "/prices/p1/retire", "{\"retiredOn\": \"2026-12-01\"}");
        StreamingEventProcessor processor = processor(CatalogueProjection.PROCESSING_GROUP);
        awaitCaughtUp(processor);
        List<String> before = tables();

        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitCaughtUp(processor);

        assertThat(tables()).isEqualTo(before);
    }

    private Response createProduct(String code) {
        return api().post("/api/v1/products", details(code));
    }

    private static String details(String code) {
        return "{\"code\": \"" + code + "\", \"name\": \"Produit " + code + "\", \"kind\": \"PRODUCT\", "
                + "\"unit\": \"pièce\"}";
    }

    private List<String> tables() {
        return jdbc.queryForList("select to_jsonb(p)::text from product_view p union all "
                + "select to_jsonb(pp)::text from product_price pp order by 1", String.class);
    }
}
