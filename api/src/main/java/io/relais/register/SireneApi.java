package io.relais.register;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * SIRENE through INSEE's API (API Sirene 3.11: {@code GET /siret/{siret}}, {@code GET /siret?q=…}), signed with the
 * integration key of an INSEE API portal application. Read only what the register publishes (the API leaves out what
 * a non-public establishment withholds). A key refused, the API down or overloaded is {@link RegisterUnavailableException}.
 */
class SireneApi implements CompanyRegister {

    static final String KEY_HEADER = "X-INSEE-Api-Key-Integration";

    private final RestClient client;

    SireneApi(RestClient client) {
        this.client = client;
    }

    @Override
    public String name() {
        return Sirene.NAME;
    }

    @Override
    public Optional<RegisteredCompany> bySiret(String siret) {
        return get("/siret/{siret}", siret).map(found -> company(found.path("etablissement")));
    }

    @Override
    public Optional<RegisteredCompany> bySiren(String siren) {
        return search("siren:" + siren + " AND etablissementSiege:true", 1).stream().findFirst();
    }

    @Override
    public List<RegisteredCompany> byNameAndPostalCode(String name, String postalCode, int limit) {
        String quoted = "\"" + name.replace("\\", " ").replace("\"", " ") + "\"";
        return search("raisonSociale:" + quoted + " AND codePostalEtablissement:" + postalCode, limit).stream()
                .sorted(Comparator.comparing(RegisteredCompany::active).reversed()).toList();
    }

    private List<RegisteredCompany> search(String query, int limit) {
        return get("/siret?q={q}&nombre={n}", query, limit)
                .map(found -> StreamSupport.stream(found.path("etablissements").spliterator(), false)
                        .map(SireneApi::company).toList())
                .orElse(List.of());
    }

    /** The API's answer; empty when it found nothing (404). */
    private Optional<JsonNode> get(String uri, Object... variables) {
        try {
            return Optional.ofNullable(client.get().uri(uri, variables).exchange((request, response) -> {
                HttpStatusCode status = response.getStatusCode();
                if (status.value() == HttpStatus.NOT_FOUND.value()) {
                    return null;
                }
                if (!status.is2xxSuccessful()) {
                    throw new RegisterUnavailableException(Sirene.NAME + " answered " + status.value()
                            + (status.value() == 401 || status.value() == 403 ? ": check the API key" : ""));
                }
                return response.bodyTo(JsonNode.class);
            }));
        } catch (RestClientException e) {
            throw new RegisterUnavailableException(Sirene.NAME + " cannot be reached: " + e.getMessage());
        }
    }

    /** An establishment of the API's answers, its current period (the first one listed) read for its state. */
    private static RegisteredCompany company(JsonNode establishment) {
        JsonNode unit = establishment.path("uniteLegale");
        JsonNode address = establishment.path("adresseEtablissement");
        JsonNode period = establishment.path("periodesEtablissement").path(0);
        String band = RegisteredCompany.band(text(establishment, "trancheEffectifsEtablissement"));
        return new RegisteredCompany(text(establishment, "siret"), text(establishment, "siren"),
                Sirene.name(text(unit, "denominationUniteLegale"), text(period, "denominationUsuelleEtablissement"),
                        text(period, "enseigne1Etablissement")),
                Sirene.street(text(address, "numeroVoieEtablissement"), text(address, "indiceRepetitionEtablissement"),
                        text(address, "typeVoieEtablissement"), text(address, "libelleVoieEtablissement")),
                Sirene.value(text(address, "codePostalEtablissement")),
                Sirene.value(text(address, "libelleCommuneEtablissement")), "FR",
                Sirene.value(text(period, "activitePrincipaleEtablissement")), band, RegisteredCompany.headcount(band),
                establishment.path("etablissementSiege").asBoolean(false),
                "A".equals(text(period, "etatAdministratifEtablissement")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
