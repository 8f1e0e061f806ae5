package io.relais.lead;

import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;

/**
 * What we know about the person and company behind a lead. Everything is optional and filled in over
 * time; the only rule is that there is one way to reach someone. The canonical constructor does not
 * validate, so that events stored under older rules always load; {@link #validated()} applies today's rules
 * to new input.
 */
public record LeadDetails(
        String firstName,
        String lastName,
        String email,
        String phone,
        String company,
        String jobTitle,
        String website,
        String postalCode,
        String city,
        String country,
        String notes) {

    public LeadDetails validated() {
        return new LeadDetails(
                Fields.text("firstName", firstName, 100),
                Fields.text("lastName", lastName, 100),
                Fields.email("email", email),
                Fields.phone("phone", phone),
                Fields.text("company", company, 200),
                Fields.text("jobTitle", jobTitle, 100),
                Fields.website("website", website),
                Fields.text("postalCode", postalCode, 20),
                Fields.text("city", city, 100),
                Fields.country("country", country),
                Fields.text("notes", notes, 4000));
    }

    /** A lead needs an e-mail, or a phone, or a name together with a company. */
    public void requireContactPoint() {
        boolean named = firstName != null || lastName != null;
        if (email == null && phone == null && !(named && company != null)) {
            throw new InvalidFieldException("email", "missing-contact-point",
                    "A lead needs one way to reach someone: an e-mail, a phone, or a name with a company");
        }
    }
}
