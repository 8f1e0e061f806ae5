package io.relais.fuzz;

import io.relais.organisation.Profile;
import io.relais.support.HttpApi;
import io.relais.support.HttpApi.Response;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The callers the fuzzer signs in as and the real records its requests point to: for each sales caller a
 * few leads, an account with contacts, a deal with a line, activities; products with prices; a territory
 * with a rule. Users that requests may change ({@link #targetUsers}) are never callers, so that no request
 * can lock the fuzzer out; {@link #owners} may own records and {@link #managers} manage people.
 */
record Fixture(List<Caller> callers, List<String> users, List<String> owners, List<String> managers,
               List<String> targetUsers, List<String> leads,
               List<String> accounts, List<Pair> contacts, List<Pair> deals, List<String> activities,
               List<Pair> products, List<Pair> territories) {

    /** One of the people (or nobody) a request is sent as. */
    record Caller(String name, String userId, HttpApi api) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A record and a record inside it (an account's contact, a deal's line, a product's price …). */
    record Pair(String id, String innerId) {
    }

    /**
     * Registers the callers and creates their records. Writes may answer 202 without a body when the read
     * models lag (the fuzzer's context waits for them only briefly), so ids come from {@code Location}, and
     * the deals' line ids are read once {@code settle} has let the read models catch up.
     */
    static Fixture create(HttpApi admin, HttpApi anonymous, BiFunction<Profile, Caller, Caller> register,
                          Runnable settle) {
        Caller administrator = new Caller("administrator", "admin", admin);
        Caller manager = register.apply(Profile.SALES_MANAGER, null);
        Caller rep = register.apply(Profile.SALES_REP, manager);
        Caller steward = register.apply(Profile.DATA_STEWARD, null);
        List<Caller> callers = List.of(administrator, manager, rep, steward, new Caller("anonymous", null, anonymous));

        List<String> targetUsers = new ArrayList<>();
        for (Profile profile : List.of(Profile.SALES_REP, Profile.SALES_MANAGER, Profile.ANALYST, Profile.AUDITOR)) {
            targetUsers.add(register.apply(profile, profile == Profile.SALES_REP ? manager : null).userId());
        }
        List<String> owners = List.of("admin", manager.userId(), rep.userId(), targetUsers.get(0), targetUsers.get(1));
        List<String> managers = List.of(manager.userId(), targetUsers.get(1));
        List<String> users = new ArrayList<>(List.of("admin", manager.userId(), rep.userId(), steward.userId()));
        users.addAll(targetUsers);

        List<Pair> products = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String product = id(admin.post("/api/v1/products", "{\"code\": \"FUZZ-" + i + "\", \"name\": \"Fuzz " + i
                    + "\", \"kind\": \"PRODUCT\", \"unit\": \"piece\", \"leadTimeDays\": 5}"));
            String price = "price-" + i;
            expectSuccess(admin.post("/api/v1/products/" + product + "/prices", "{\"priceId\": \"" + price
                    + "\", \"currency\": \"EUR\", \"unitPrice\": 120.5, \"validFrom\": \"2000-01-01\"}"));
            products.add(new Pair(product, price));
        }

        List<String> leads = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        List<Pair> contacts = new ArrayList<>();
        List<Pair> deals = new ArrayList<>();
        List<String> activities = new ArrayList<>();
        Map<String, HttpApi> dealOwners = new LinkedHashMap<>();
        for (Caller owner : List.of(rep, manager, administrator)) {
            HttpApi api = owner.api();
            for (int i = 0; i < 3; i++) {
                leads.add(id(api.post("/api/v1/leads", "{\"firstName\": \"Lé" + i + "\", \"lastName\": \"Fuzz\", "
                        + "\"email\": \"lead-" + UUID.randomUUID() + "@example.fr\", \"company\": \"Fuzz SA\", "
                        + "\"source\": \"REP_ENTRY\", \"ownerId\": \"" + owner.userId() + "\"}")));
            }
            String account = id(api.post("/api/v1/accounts", "{\"legalName\": \"Fuzz " + owner.userId()
                    + "\", \"ownerId\": \"" + owner.userId() + "\"}"));
            accounts.add(account);
            for (int i = 0; i < 2; i++) {
                contacts.add(new Pair(account, id(api.post("/api/v1/accounts/" + account + "/contacts",
                        "{\"firstName\": \"Contact\", \"lastName\": \"N" + i + "\", \"emails\": [\"c" + i
                                + "@example.fr\"]}"))));
            }
            String deal = id(api.post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", \"name\": "
                    + "\"Fuzz deal\", \"currency\": \"EUR\", \"amount\": 1000, \"expectedCloseDate\": \""
                    + Year.now().atDay(1).plusMonths(11) + "\"}"));
            expectSuccess(api.post("/api/v1/opportunities/" + deal + "/line-items",
                    "{\"productId\": \"" + products.get(0).id() + "\", \"quantity\": 2}"));
            dealOwners.put(deal, api);
            activities.add(id(api.post("/api/v1/activities/log", "{\"kind\": \"CALL\", \"subject\": \"Fuzz call\", "
                    + "\"accountId\": \"" + account + "\"}")));
            activities.add(id(api.post("/api/v1/activities/schedule", "{\"kind\": \"TASK\", \"subject\": "
                    + "\"Fuzz task\", \"opportunityId\": \"" + deal + "\", \"dueAt\": \""
                    + LocalDate.now().plusDays(30) + "T10:00:00Z\"}")));
        }

        settle.run();
        dealOwners.forEach((deal, owner) -> deals.add(new Pair(deal, expectSuccess(owner.get("/api/v1/opportunities/"
                + deal)).body().path("lineItems").path(0).path("lineId").asText())));

        String territory = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        expectSuccess(admin.post("/api/v1/territories", "{\"territoryId\": \"" + territory + "\", \"name\": \"Fuzz\"}"));
        expectSuccess(admin.post("/api/v1/territories/" + territory + "/rules",
                "{\"ruleId\": \"fuzz-rule\", \"priority\": 1, \"country\": \"ZW\"}"));
        expectSuccess(admin.put("/api/v1/territories/" + territory + "/members/" + rep.userId(), null));

        return new Fixture(callers, List.copyOf(users), owners, managers, List.copyOf(targetUsers), List.copyOf(leads),
                List.copyOf(accounts), List.copyOf(contacts), List.copyOf(deals), List.copyOf(activities),
                List.copyOf(products), List.of(new Pair(territory, "fuzz-rule")));
    }

    /** The records a path segment such as {@code /leads/{id}} names. */
    List<String> idsAfter(String segment) {
        return switch (segment) {
            case "leads" -> leads;
            case "accounts" -> accounts;
            case "opportunities" -> deals.stream().map(Pair::id).toList();
            case "activities" -> activities;
            case "products" -> products.stream().map(Pair::id).toList();
            case "users" -> targetUsers;
            case "territories" -> territories.stream().map(Pair::id).toList();
            default -> List.of();
        };
    }

    /** The (record, inner record) pairs for a path with two ids, such as {@code /accounts/{id}/contacts/{contactId}}. */
    Map<String, List<Pair>> pairsByInnerParameter() {
        return Map.of("contactId", contacts, "lineId", deals, "priceId", products, "ruleId", territories);
    }

    /** Every real id, whatever its kind: what a bad reference to another kind of record is drawn from. */
    List<String> allIds() {
        List<String> all = new ArrayList<>(leads);
        all.addAll(accounts);
        contacts.forEach(p -> all.add(p.innerId()));
        deals.forEach(p -> all.add(p.id()));
        all.addAll(activities);
        products.forEach(p -> all.add(p.id()));
        all.addAll(users);
        return all;
    }

    /** The id of the record a write created, the last segment of its {@code Location}. */
    private static String id(Response response) {
        String location = expectSuccess(response).header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static Response expectSuccess(Response response) {
        if (response.status() >= 300) {
            throw new AssertionError("The fuzzer's fixture could not be created: " + response);
        }
        return response;
    }
}
