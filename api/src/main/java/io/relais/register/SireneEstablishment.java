package io.relais.register;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An establishment of the SIRENE stock file, as {@link SireneStockLoader} loaded it. */
@Entity
@Table(name = "sirene_establishment")
class SireneEstablishment {

    @Id
    private String siret;
    private String siren;
    private String name;
    private String street;
    @Column(name = "postal_code")
    private String postalCode;
    private String city;
    @Column(name = "naf_code")
    private String nafCode;
    @Column(name = "headcount_band")
    private String headcountBand;
    @Column(name = "head_office")
    private boolean headOffice;
    private boolean active;

    protected SireneEstablishment() {
    }

    RegisteredCompany company() {
        return new RegisteredCompany(siret, siren, name, street, postalCode, city, "FR", nafCode, headcountBand,
                RegisteredCompany.headcount(headcountBand), headOffice, active);
    }
}
