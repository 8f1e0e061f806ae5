package io.relais.lead;

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
        String notes,
        String nafCode,
        String companySize) {

    public LeadDetails validated() {
        LeadDetails valid = this;
        for (LeadField field : LeadField.values()) {
            valid = field.set(valid, field.validate(field.valueIn(this)));
        }
        return valid;
    }

    /** These details with their blanks filled from {@code other}'s (a merged duplicate's): what is filled here stays. */
    public LeadDetails filledFrom(LeadDetails other) {
        LeadDetails filled = this;
        for (LeadField field : LeadField.values()) {
            if (field.valueIn(this) == null && field.valueIn(other) != null) {
                filled = field.set(filled, field.valueIn(other));
            }
        }
        return filled;
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
