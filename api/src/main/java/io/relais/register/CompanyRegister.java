package io.relais.register;

import java.util.List;
import java.util.Optional;

/**
 * A register of companies and their establishments, looked up to fill what reps would otherwise copy by hand. The
 * engine has one: INSEE's SIRENE, from its open-data stock file loaded into a table ({@link SireneStock}) or, when
 * configured, through INSEE's API ({@link SireneApi}).
 */
public interface CompanyRegister {

    /** The register's name, as the history and the answers say it ("SIRENE"). */
    String name();

    /** The establishment registered under {@code siret} (14 digits). */
    Optional<RegisteredCompany> bySiret(String siret);

    /** The head office of the company registered under {@code siren} (9 digits). */
    Optional<RegisteredCompany> bySiren(String siren);

    /**
     * The establishments in {@code postalCode} whose name is most like {@code name}, best first, at most
     * {@code limit}: open ones before closed ones.
     */
    List<RegisteredCompany> byNameAndPostalCode(String name, String postalCode, int limit);
}
