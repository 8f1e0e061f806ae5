package io.relais.register;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SIRENE adapter for INSEE's API, against a local server answering as API Sirene 3.11 documents: an establishment
 * by SIRET, the head office by SIREN, a search by name and postal code, nothing found, the key refused.
 */
class SireneApiTest {

    private static final String DURAND = """
            {"siren": "732829320", "nic": "00017", "siret": "73282932000017", "statutDiffusionEtablissement": "O",
             "dateCreationEtablissement": "2001-03-01", "trancheEffectifsEtablissement": "12",
             "anneeEffectifsEtablissement": "2023", "etablissementSiege": true,
             "uniteLegale": {"etatAdministratifUniteLegale": "A", "statutDiffusionUniteLegale": "O",
               "denominationUniteLegale": "DURAND INDUSTRIES", "categorieJuridiqueUniteLegale": "5710",
               "activitePrincipaleUniteLegale": "62.01Z", "trancheEffectifsUniteLegale": "21"},
             "adresseEtablissement": {"complementAdresseEtablissement": null, "numeroVoieEtablissement": "12",
               "indiceRepetitionEtablissement": "B", "typeVoieEtablissement": "AV",
               "libelleVoieEtablissement": "DES CHAMPS ELYSEES", "codePostalEtablissement": "75008",
               "libelleCommuneEtablissement": "PARIS 8", "codeCommuneEtablissement": "75108"},
             "periodesEtablissement": [
               {"dateFin": null, "dateDebut": "2015-01-01", "etatAdministratifEtablissement": "A",
                "enseigne1Etablissement": null, "denominationUsuelleEtablissement": null,
                "activitePrincipaleEtablissement": "62.01Z", "nomenclatureActivitePrincipaleEtablissement": "NAFRev2"},
               {"dateFin": "2014-12-31", "dateDebut": "2001-03-01", "etatAdministratifEtablissement": "A",
                "activitePrincipaleEtablissement": "72.2Z"}]}""";

    private HttpServer server;
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    @BeforeEach
    void startTheApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/api-sirene/3.11/", this::answer);
        server.start();
    }

    @AfterEach
    void stopTheApi() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String query = uri.getRawQuery() == null ? "" : URLDecoder.decode(uri.getRawQuery(), StandardCharsets.UTF_8);
        asked.add(uri.getPath() + (query.isEmpty() ? "" : "?" + query));
        keys.add(exchange.getRequestHeaders().getFirst(SireneApi.KEY_HEADER));
        String body;
        int answered = status;
        if (answered != 200) {
            body = "{\"header\": {\"statut\": " + answered + ", \"message\": \"refused\"}}";
        } else if (uri.getPath().endsWith("/siret/73282932000017")) {
            body = "{\"header\": {\"statut\": 200, \"message\": \"OK\"}, \"etablissement\": " + DURAND + "}";
        } else if (uri.getPath().endsWith("/siret") && query.contains("732829320")) {
            body = "{\"header\": {\"statut\": 200, \"message\": \"OK\", \"total\": 1, \"debut\": 0, \"nombre\": 1}, "
                    + "\"etablissements\": [" + DURAND + "]}";
        } else {
            answered = 404;
            body = "{\"header\": {\"statut\": 404, \"message\": \"Aucun élément trouvé\"}}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(answered, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private CompanyRegister api(String key) {
        return new RegisterConfiguration().companyRegister(new RegisterProperties(key, "http://localhost:"
                + server.getAddress().getPort() + "/api-sirene/3.11", Duration.ofSeconds(2)), null);
    }

    @Test
    void anEstablishmentBySiretWithItsCompanysNameItsAddressAndItsCurrentPeriod() {
        RegisteredCompany durand = api("integration-key").bySiret("73282932000017").orElseThrow();

        assertThat(durand).isEqualTo(new RegisteredCompany("73282932000017", "732829320", "DURAND INDUSTRIES",
                "12 BIS AVENUE DES CHAMPS ELYSEES", "75008", "PARIS 8", "FR", "62.01Z", "12", "20 to 49 employees", true,
                true));
        assertThat(keys).containsExactly("integration-key");
        assertThat(asked).containsExactly("/api-sirene/3.11/siret/73282932000017");
    }

    @Test
    void theHeadOfficeBySirenAndASearchByNameWhoseCharactersReachTheApiAsTheyAre() {
        CompanyRegister register = api("integration-key");

        assertThat(register.bySiren("732829320")).map(RegisteredCompany::siret).contains("73282932000017");
        assertThat(register.byNameAndPostalCode("Boulangerie Lefèvre & Fils \"Le Fournil\"", "69002", 5)).isEmpty();

        assertThat(asked).containsExactly(
                "/api-sirene/3.11/siret?q=siren:732829320 AND etablissementSiege:true&nombre=1",
                "/api-sirene/3.11/siret?q=raisonSociale:\"Boulangerie Lefèvre & Fils  Le Fournil \" AND "
                        + "codePostalEtablissement:69002&nombre=5");
    }

    @Test
    void nothingFoundIsEmptyAndARefusedKeyOrAnApiDownIsTheRegisterUnavailable() {
        assertThat(api("integration-key").bySiret("81234567600017")).isEmpty();

        status = 401;
        assertThatThrownBy(() -> api("wrong-key").bySiret("73282932000017"))
                .isInstanceOf(RegisterUnavailableException.class).hasMessageContaining("check the API key");
        status = 429;
        assertThatThrownBy(() -> api("integration-key").bySiren("732829320"))
                .isInstanceOf(RegisterUnavailableException.class).hasMessageContaining("429");
        server.stop(0);
        assertThatThrownBy(() -> api("integration-key").bySiret("73282932000017"))
                .isInstanceOf(RegisterUnavailableException.class).hasMessageContaining("cannot be reached");
    }
}
