package io.relais.lead;

import io.relais.common.InvalidFieldException;
import jakarta.annotation.Nullable;

/**
 * What we know about the person and company behind a lead. Everything is optional and filled in over
 * time; the only rule is that there is one way to reach someone. The canonical constructor does not
 * validate, so that events stored under older rules always load; {@link #validated()} applies today's rules
 * to new input.
 */
public record LeadDetails(
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String company,
        @Nullable String jobTitle,
        @Nullable String website,
        @Nullable String postalCode,
        @Nullable String city,
        @Nullable String country,
        @Nullable String notes,
        @Nullable String nafCode,
        @Nullable String companySize) {

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
