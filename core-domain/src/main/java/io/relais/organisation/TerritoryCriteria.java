package io.relais.organisation;

import io.relais.common.CompanySize;
import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import jakarta.annotation.Nullable;

import java.util.Locale;

/**
 * What a territory rule matches; null criteria match anything, but a rule needs at least one.
 *
 * @param country          ISO 3166-1 alpha-2 code
 * @param postalCodePrefix the start of the postal code
 * @param nafCodePrefix    the start of the NAF code, dots ignored ("62" matches "62.01Z")
 * @param companySize      the size band
 */
public record TerritoryCriteria(@Nullable String country, @Nullable String postalCodePrefix,
                                @Nullable String nafCodePrefix, @Nullable CompanySize companySize) {

    public TerritoryCriteria validated() {
        TerritoryCriteria valid = new TerritoryCriteria(Fields.country("country", country),
                prefix("postalCodePrefix", postalCodePrefix, 20),
                prefix("nafCodePrefix", nafCodePrefix, 6), companySize);
        if (valid.country == null && valid.postalCodePrefix == null && valid.nafCodePrefix == null
                && valid.companySize == null) {
            throw new InvalidFieldException("country", "empty-rule",
                    "A rule needs at least one criterion: country, postalCodePrefix, nafCodePrefix or companySize");
        }
        return valid;
    }

    public boolean matches(LeadProfile lead) {
        return (country == null || country.equals(lead.country()))
                && (postalCodePrefix == null || startsWith(lead.postalCode(), postalCodePrefix))
                && (nafCodePrefix == null || startsWith(compact(lead.nafCode()), compact(nafCodePrefix)))
                && (companySize == null || companySize == lead.companySize());
    }

    private static boolean startsWith(String value, String prefix) {
        return value != null && value.replace(" ", "").toUpperCase(Locale.ROOT)
                .startsWith(prefix.replace(" ", "").toUpperCase(Locale.ROOT));
    }

    private static String compact(String nafCode) {
        return nafCode == null ? null : nafCode.replace(".", "");
    }

    private static String prefix(String field, String value, int maxLength) {
        String checked = Fields.text(field, value, maxLength);
        if (checked != null && !checked.matches("[A-Za-z0-9. -]+")) {
            throw new InvalidFieldException(field, "invalid-prefix", field + " may contain only letters and digits");
        }
        return checked == null ? null : checked.toUpperCase(Locale.ROOT);
    }
}
