package io.relais.account;

import io.relais.common.Fields;
import jakarta.annotation.Nullable;

/** A postal address. Every part is optional while the account is a prospect. */
public record Address(@Nullable String street, @Nullable String postalCode, @Nullable String city,
                      @Nullable String country) {

    /** Today's rules, with the fields at fault named {@code <name>.street} and so on. */
    public Address validated(String name) {
        Address valid = new Address(Fields.text(name + ".street", street, 200),
                Fields.text(name + ".postalCode", postalCode, 20), Fields.text(name + ".city", city, 100),
                Fields.country(name + ".country", country));
        return valid.isEmpty() ? null : valid;
    }

    /** What the ERP needs to send an invoice. */
    public boolean readyForInvoicing() {
        return street != null && postalCode != null && city != null && country != null;
    }

    private boolean isEmpty() {
        return street == null && postalCode == null && city == null && country == null;
    }
}
