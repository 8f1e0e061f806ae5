package io.relais.register;

import java.util.List;
import java.util.Optional;

/** SIRENE from its open-data stock files, loaded into the database by {@code register load}. */
class SireneStock implements CompanyRegister {

    private final SireneEstablishments establishments;

    SireneStock(SireneEstablishments establishments) {
        this.establishments = establishments;
    }

    @Override
    public String name() {
        return Sirene.NAME;
    }

    @Override
    public Optional<RegisteredCompany> bySiret(String siret) {
        return establishments.findById(siret).map(SireneEstablishment::company);
    }

    @Override
    public Optional<RegisteredCompany> bySiren(String siren) {
        return establishments.findFirstBySirenAndHeadOfficeTrue(siren).map(SireneEstablishment::company);
    }

    @Override
    public List<RegisteredCompany> byNameAndPostalCode(String name, String postalCode, int limit) {
        return establishments.findByNameLike(name, postalCode, limit).stream()
                .map(SireneEstablishment::company).toList();
    }
}
