package io.relais.register;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.AxonServerUnderTest;
import io.relais.support.HttpApi.Response;
import io.relais.support.NeedsPostgreSqlEventStore;
import io.relais.tools.Tools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SIRENE register loaded from its stock files by the command-line tool, as INSEE publishes them (UTF-8, every
 * column, quoted values, what is not published written [ND]), then accounts looked up in it over HTTP: by SIRET, by
 * SIREN (the head office), by legal name in a postal code, or not at all; nothing changed by a lookup.
 */
class CompanyRegisterApiTest extends ApiTestSupport {

    static final String COMPANY_HEADER = "siren,statutDiffusionUniteLegale,unitePurgeeUniteLegale,"
            + "dateCreationUniteLegale,sigleUniteLegale,sexeUniteLegale,prenom1UniteLegale,prenom2UniteLegale,"
            + "prenom3UniteLegale,prenom4UniteLegale,prenomUsuelUniteLegale,pseudonymeUniteLegale,"
            + "identifiantAssociationUniteLegale,trancheEffectifsUniteLegale,anneeEffectifsUniteLegale,"
            + "dateDernierTraitementUniteLegale,nombrePeriodesUniteLegale,categorieEntrepriseUniteLegale,"
            + "anneeCategorieEntrepriseUniteLegale,dateDebut,etatAdministratifUniteLegale,nomUniteLegale,"
            + "nomUsageUniteLegale,denominationUniteLegale,denominationUsuelle1UniteLegale,"
            + "denominationUsuelle2UniteLegale,denominationUsuelle3UniteLegale,categorieJuridiqueUniteLegale,"
            + "activitePrincipaleUniteLegale,nomenclatureActivitePrincipaleUniteLegale,nicSiegeUniteLegale,"
            + "economieSocialeSolidaireUniteLegale,societeMissionUniteLegale,caractereEmployeurUniteLegale";
    static final String ESTABLISHMENT_HEADER = "siren,nic,siret,statutDiffusionEtablissement,"
            + "dateCreationEtablissement,trancheEffectifsEtablissement,anneeEffectifsEtablissement,"
            + "activitePrincipaleRegistreMetiersEtablissement,dateDernierTraitementEtablissement,etablissementSiege,"
            + "nombrePeriodesEtablissement,complementAdresseEtablissement,numeroVoieEtablissement,"
            + "indiceRepetitionEtablissement,dernierNumeroVoieEtablissement,"
            + "indiceRepetitionDernierNumeroVoieEtablissement,typeVoieEtablissement,libelleVoieEtablissement,"
            + "codePostalEtablissement,libelleCommuneEtablissement,libelleCommuneEtrangerEtablissement,"
            + "distributionSpecialeEtablissement,codeCommuneEtablissement,codeCedexEtablissement,"
            + "libelleCedexEtablissement,codePaysEtrangerEtablissement,libellePaysEtrangerEtablissement,"
            + "identifiantAdresseEtablissement,coordonneeLambertAbscisseEtablissement,"
            + "coordonneeLambertOrdonneeEtablissement,complementAdresse2Etablissement,numeroVoie2Etablissement,"
            + "indiceRepetition2Etablissement,typeVoie2Etablissement,libelleVoie2Etablissement,"
            + "codePostal2Etablissement,libelleCommune2Etablissement,libelleCommuneEtranger2Etablissement,"
            + "distributionSpeciale2Etablissement,codeCommune2Etablissement,codeCedex2Etablissement,"
            + "libelleCedex2Etablissement,codePaysEtranger2Etablissement,libellePaysEtranger2Etablissement,dateDebut,"
            + "etatAdministratifEtablissement,enseigne1Etablissement,enseigne2Etablissement,enseigne3Etablissement,"
            + "denominationUsuelleEtablissement,activitePrincipaleEtablissement,"
            + "nomenclatureActivitePrincipaleEtablissement,caractereEmployeurEtablissement";

    private static boolean loaded;

    @TempDir
    Path folder;

    @Value("${relais.embedded-db.data-directory}")
    String dataDirectory;

    @Autowired
    SireneStockLoader loader;

    /** A stock file's row: its header's columns, those given set, the others empty. */
    static String row(String header, Map<String, String> values) {
        List<String> cells = new ArrayList<>();
        for (String column : header.split(",")) {
            String value = values.getOrDefault(column, "");
            cells.add(value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
        }
        return String.join(",", cells);
    }

    static Map<String, String> establishment(String siret, boolean headOffice, String state, String number,
                                             String type, String street, String postalCode, String city, String naf,
                                             String band) {
        Map<String, String> values = new TreeMap<>(Map.of("siren", siret.substring(0, 9), "nic", siret.substring(9),
                "siret", siret, "statutDiffusionEtablissement", "O", "etablissementSiege", String.valueOf(headOffice),
                "etatAdministratifEtablissement", state, "numeroVoieEtablissement", number,
                "typeVoieEtablissement", type, "libelleVoieEtablissement", street,
                "codePostalEtablissement", postalCode));
        values.putAll(Map.of("libelleCommuneEtablissement", city, "activitePrincipaleEtablissement", naf,
                "nomenclatureActivitePrincipaleEtablissement", "NAFRev2", "trancheEffectifsEtablissement", band));
        return values;
    }

    @BeforeEach
    void loadTheRegister() throws IOException {
        if (loaded) {
            return;
        }
        Path companies = folder.resolve("StockUniteLegale_utf8.csv");
        Files.writeString(companies, String.join("\n", COMPANY_HEADER,
                row(COMPANY_HEADER, Map.of("siren", "732829320", "statutDiffusionUniteLegale", "O",
                        "denominationUniteLegale", "DURAND INDUSTRIES", "categorieJuridiqueUniteLegale", "5710")),
                row(COMPANY_HEADER, Map.of("siren", "443061841", "statutDiffusionUniteLegale", "O",
                        "denominationUniteLegale", "BOULANGERIE LEFÈVRE & FILS")),
                // an individual entrepreneur: no denomination, and their name is not loaded
                row(COMPANY_HEADER, Map.of("siren", "552081317", "statutDiffusionUniteLegale", "P",
                        "nomUniteLegale", "MARTIN", "prenom1UniteLegale", "JEANNE"))) + "\n",
                StandardCharsets.UTF_8);
        Path establishments = folder.resolve("StockEtablissement_utf8.csv");
        Files.writeString(establishments, String.join("\n", ESTABLISHMENT_HEADER,
                row(ESTABLISHMENT_HEADER, establishment("73282932000017", true, "A", "12", "AV",
                        "DES CHAMPS ELYSEES", "75008", "PARIS 8", "62.01Z", "12")),
                row(ESTABLISHMENT_HEADER, establishment("73282932000025", false, "A", "3", "RUE", "DE LA REPUBLIQUE",
                        "69002", "LYON 2E ARRONDISSEMENT", "62.02A", "03")),
                row(ESTABLISHMENT_HEADER, establishment("44306184100013", true, "A", "8", "PL", "BELLECOUR",
                        "69002", "LYON 2E ARRONDISSEMENT", "10.71C", "02")),
                row(ESTABLISHMENT_HEADER, establishment("44306184100021", false, "F", "20", "QUAI",
                        "SAINT-ANTOINE", "69002", "LYON 2E ARRONDISSEMENT", "10.71C", "NN")),
                row(ESTABLISHMENT_HEADER, establishment("55208131700018", true, "A", "[ND]", "[ND]", "[ND]",
                        "13001", "MARSEILLE", "74.10Z", ""))) + "\n", StandardCharsets.UTF_8);

        if (AxonServerUnderTest.on()) {
            // the command-line tools run on PostgreSQL's event store: here, the loader the tool runs
            loader.loadCompanies(companies, rows -> { });
            loader.loadEstablishments(establishments, rows -> { });
            loader.nameEstablishments();
        } else {
            assertThat(Tools.run(new String[] {"register", "load", "--companies=" + companies,
                    "--establishments=" + establishments, "--relais.embedded-db.data-directory=" + dataDirectory},
                    System.out)).isZero();
        }
        loaded = true;
    }

    private String account(String body) {
        Response created = api().post("/api/v1/accounts", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private JsonNode enrichment(String accountId) {
        Response answer = api().post("/api/v1/accounts/" + accountId + "/enrichment", null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body();
    }

    /** Each field the register fills or changes, with the register's value. */
    private static Map<String, String> changes(JsonNode enrichment) {
        Map<String, String> changes = new TreeMap<>();
        enrichment.get("changes").forEach(change -> changes.put(change.get("field").asText(),
                change.get("newValue").asText(null)));
        return changes;
    }

    @Test
    void anAccountIsFoundByItsSiretAndTheRegisterSaysWhatItWouldChange() {
        String id = account("{\"legalName\": \"Durand\", \"siret\": \"73282932000025\", \"billingAddress\": "
                + "{\"street\": \"3 rue de la République\", \"postalCode\": \"69002\", \"city\": \"Lyon\"}}");
        long version = api().get("/api/v1/accounts/" + id).body().get("version").asLong();

        JsonNode found = enrichment(id);

        assertThat(found.get("register").asText()).isEqualTo("SIRENE");
        assertThat(found.get("lookedUpBy").asText()).isEqualTo("SIRET");
        JsonNode company = found.get("matches").get(0);
        assertThat(company.get("name").asText()).isEqualTo("DURAND INDUSTRIES");
        assertThat(company.get("street").asText()).isEqualTo("3 RUE DE LA REPUBLIQUE");
        assertThat(company.get("headcountBand").asText()).isEqualTo("03");
        assertThat(company.get("headcount").asText()).isEqualTo("6 to 9 employees");
        assertThat(company.get("headOffice").asBoolean()).isFalse();
        assertThat(company.get("active").asBoolean()).isTrue();
        assertThat(changes(found)).containsExactly(
                Map.entry("billingAddress", "3 RUE DE LA REPUBLIQUE, 69002 LYON 2E ARRONDISSEMENT, FR"),
                Map.entry("legalName", "DURAND INDUSTRIES"),
                Map.entry("nafCode", "62.02A"));
        assertThat(found.get("applied").asBoolean()).isFalse();
        assertThat(found.get("version").isNull()).isTrue();
        assertThat(api().get("/api/v1/accounts/" + id).body().get("version").asLong()).isEqualTo(version);
    }

    @Test
    void bySirenTheHeadOfficeAndByNameTheLikeliestEstablishmentsOfThePostalCode() {
        JsonNode bySiren = enrichment(account("{\"legalName\": \"Durand Industries\", \"siren\": \"732829320\"}"));
        assertThat(bySiren.get("lookedUpBy").asText()).isEqualTo("SIREN");
        assertThat(bySiren.get("matches")).extracting(match -> match.get("siret").asText())
                .containsExactly("73282932000017");
        assertThat(changes(bySiren)).containsEntry("siret", "73282932000017")
                .containsEntry("billingAddress", "12 AVENUE DES CHAMPS ELYSEES, 75008 PARIS 8, FR")
                .containsEntry("legalName", "DURAND INDUSTRIES");

        JsonNode byName = enrichment(account("{\"legalName\": \"Boulangerie Lefevre et fils\", \"billingAddress\": "
                + "{\"postalCode\": \"69002\"}}"));
        assertThat(byName.get("lookedUpBy").asText()).isEqualTo("NAME_AND_POSTAL_CODE");
        assertThat(byName.get("matches")).extracting(match -> match.get("siret").asText())
                .containsExactly("44306184100013", "44306184100021");
        assertThat(byName.get("matches").get(0).get("name").asText()).isEqualTo("BOULANGERIE LEFÈVRE & FILS");
        assertThat(byName.get("matches").get(1).get("active").asBoolean()).isFalse();
        assertThat(changes(byName)).containsEntry("siren", "443061841").containsEntry("siret", "44306184100013");
    }

    @Test
    void whatTheRegisterDoesNotPublishIsNotProposedAndAnAccountWithoutIdentityIsNotLookedUp() {
        JsonNode entrepreneur = enrichment(account("{\"legalName\": \"Jeanne Martin Conseil\", "
                + "\"siret\": \"55208131700018\"}"));
        assertThat(entrepreneur.get("matches").get(0).get("name").isNull()).isTrue();
        assertThat(entrepreneur.get("matches").get(0).get("street").isNull()).isTrue();
        assertThat(changes(entrepreneur)).containsOnly(Map.entry("billingAddress", "13001 MARSEILLE, FR"),
                Map.entry("nafCode", "74.10Z"));

        JsonNode nothing = enrichment(account("{\"legalName\": \"Société sans adresse\"}"));
        assertThat(nothing.get("lookedUpBy").asText()).isEqualTo("NOTHING");
        assertThat(nothing.get("matches")).isEmpty();
        assertThat(nothing.get("changes")).isEmpty();

        JsonNode unknown = enrichment(account("{\"legalName\": \"Inconnue\", \"siret\": \"81234567600017\"}"));
        assertThat(unknown.get("lookedUpBy").asText()).isEqualTo("SIRET");
        assertThat(unknown.get("matches")).isEmpty();
    }

    @Test
    void aDataStewardAppliesWhatTheRegisterSaysAndTheHistorySaysItCameFromIt() {
        TestUser steward = user("register-steward", Profile.DATA_STEWARD);
        TestUser rep = user("register-owner", Profile.SALES_REP);
        Response created = rep.api().post("/api/v1/accounts", "{\"legalName\": \"Durand\", \"siren\": \"732829320\"}");
        String id = created.body().get("id").asText();

        assertThat(rep.api().post("/api/v1/accounts/" + id + "/enrichment?apply=true", null).status())
                .isEqualTo(403);
        Response stale = steward.api().post("/api/v1/accounts/" + id + "/enrichment?apply=true", null,
                "If-Match", "\"7\"");
        assertThat(stale.status()).isEqualTo(409);
        Response applied = steward.api().post("/api/v1/accounts/" + id + "/enrichment?apply=true", null,
                "If-Match", "\"0\"");

        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.body().get("applied").asBoolean()).isTrue();
        assertThat(applied.body().get("version").asLong()).isEqualTo(1);
        JsonNode account = rep.api().get("/api/v1/accounts/" + id).body();
        assertThat(account.get("version").asLong()).isEqualTo(1);
        assertThat(account.get("details").get("legalName").asText()).isEqualTo("DURAND INDUSTRIES");
        assertThat(account.get("details").get("siret").asText()).isEqualTo("73282932000017");
        assertThat(account.get("details").get("nafCode").asText()).isEqualTo("62.01Z");
        assertThat(account.get("details").get("billingAddress").get("city").asText()).isEqualTo("PARIS 8");
        JsonNode again = steward.api().post("/api/v1/accounts/" + id + "/enrichment?apply=true", null).body();
        assertThat(again.get("changes")).isEmpty();
        assertThat(again.get("version").asLong()).isEqualTo(1);

        String byName = account("{\"legalName\": \"Boulangerie Lefevre\", \"billingAddress\": {\"postalCode\": \"69002\"}}");
        Response unnamed = steward.api().post("/api/v1/accounts/" + byName + "/enrichment?apply=true", null);
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.body().get("field").asText()).isEqualTo("siret");
        Response chosen = steward.api().post("/api/v1/accounts/" + byName
                + "/enrichment?apply=true&siret=44306184100013", null);
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
        assertThat(chosen.body().get("lookedUpBy").asText()).isEqualTo("SIRET");
        assertThat(api().get("/api/v1/accounts/" + byName).body().get("details").get("siret").asText())
                .isEqualTo("44306184100013");
        assertThat(steward.api().post("/api/v1/accounts/" + byName + "/enrichment?siret=123", null).body()
                .get("field").asText()).isEqualTo("siret");
    }

    @Test
    void anAccountCreatedOrALeadConvertedAsksTheRegisterToFillWhatItLacks() {
        TestUser rep = user("register-creator", Profile.SALES_REP);
        Response created = rep.api().post("/api/v1/accounts?enrich=true", "{\"legalName\": \"Durand Lyon\", "
                + "\"siret\": \"73282932000025\", \"phone\": \"+33 4 72 00 00 00\"}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        JsonNode details = created.body().get("details");
        assertThat(details.get("legalName").asText()).isEqualTo("Durand Lyon");
        assertThat(details.get("nafCode").asText()).isEqualTo("62.02A");
        assertThat(details.get("billingAddress").get("street").asText()).isEqualTo("3 RUE DE LA REPUBLIQUE");
        assertThat(details.get("billingAddress").get("city").asText()).isEqualTo("LYON 2E ARRONDISSEMENT");
        assertThat(details.get("phone").asText()).isEqualTo("+33 4 72 00 00 00");
        Response unknown = rep.api().post("/api/v1/accounts?enrich=true", "{\"legalName\": \"Inconnue\", "
                + "\"siret\": \"81234567600017\"}");
        assertThat(unknown.header("ETag")).isEqualTo("\"0\"");

        String lead = rep.api().post("/api/v1/leads", "{\"lastName\": \"Lefèvre\", \"company\": \"Boulangerie "
                + "Lefèvre\", \"email\": \"lefevre@example.fr\", \"postalCode\": \"69002\", \"source\": "
                + "\"WEB_FORM\", \"ownerId\": \"" + rep.id() + "\"}").body().get("id").asText();
        assertThat(rep.api().post("/api/v1/leads/" + lead + "/qualify", null).status()).isEqualTo(200);
        Response converted = rep.api().post("/api/v1/leads/" + lead + "/convert?enrich=true",
                "{\"siret\": \"44306184100013\"}");
        assertThat(converted.status()).as(converted.toString()).isEqualTo(200);
        JsonNode account = rep.api().get("/api/v1/accounts/" + converted.body().get("accountId").asText()).body()
                .get("details");
        assertThat(account.get("legalName").asText()).isEqualTo("Boulangerie Lefèvre");
        assertThat(account.get("siren").asText()).isEqualTo("443061841");
        assertThat(account.get("nafCode").asText()).isEqualTo("10.71C");
        assertThat(account.get("billingAddress").get("street").asText()).isEqualTo("8 PLACE BELLECOUR");
        assertThat(account.get("billingAddress").get("postalCode").asText()).isEqualTo("69002");
    }

    @Test
    @NeedsPostgreSqlEventStore
    void theAuditShowsWhatTheRegisterFilled() {
        TestUser steward = user("register-auditee", Profile.DATA_STEWARD);
        String id = account("{\"legalName\": \"Durand\", \"siret\": \"73282932000025\"}");
        assertThat(steward.api().post("/api/v1/accounts/" + id + "/enrichment?apply=true", null).status())
                .isEqualTo(200);

        JsonNode entries = api().get("/api/v1/audit/events?recordType=ACCOUNT&recordId=" + id).body().get("content");
        assertThat(entries).extracting(each -> each.get("type").asText())
                .containsExactlyInAnyOrder("AccountCreated", "AccountFilledFromRegister");
        JsonNode entry = entries.findParents("type").stream()
                .filter(each -> each.get("type").asText().equals("AccountFilledFromRegister")).findFirst().orElseThrow();
        assertThat(entry.get("userId").asText()).isEqualTo(steward.id());
        assertThat(entry.get("changes")).extracting(change -> change.get("field").asText())
                .contains("register", "siret", "details.legalName", "details.nafCode");
    }

    @Test
    void onlyWhoSeesTheAccountLooksItUp() {
        TestUser rep = user("register-rep", Profile.SALES_REP);
        TestUser other = user("register-other", Profile.SALES_REP);
        Response created = rep.api().post("/api/v1/accounts", "{\"legalName\": \"Durand\", \"siren\": \"732829320\"}");
        String id = created.body().get("id").asText();

        assertThat(other.api().post("/api/v1/accounts/" + id + "/enrichment", null).status()).isEqualTo(404);
        assertThat(anonymous().post("/api/v1/accounts/" + id + "/enrichment", null).status()).isEqualTo(401);
        assertThat(rep.api().post("/api/v1/accounts/" + id + "/enrichment", null).status()).isEqualTo(200);
        assertThat(api().post("/api/v1/accounts/no-such-account/enrichment", null).status()).isEqualTo(404);
    }
}
