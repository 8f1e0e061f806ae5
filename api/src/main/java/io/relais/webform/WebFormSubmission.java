package io.relais.webform;

import io.relais.lead.LeadDetails;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Locale;
import java.util.Set;

/**
 * What a person posts through a web form: the lead's fields (names as in a lead capture), the consent box, and the
 * honeypot {@code fax}, which the page hides from people: a submission that fills it is spam.
 */
@Schema(description = "A web form's fields: only one way to reach the person is required. Sent from an HTML form, "
        + "a field left out or empty is absent.", example = """
        {"firstName": "Éloïse", "lastName": "Martin", "email": "eloise.martin@example.fr", "company": "Durand SA",
         "postalCode": "69002", "country": "FR", "notes": "Un devis pour 20 postes", "consent": "on"}""")
public record WebFormSubmission(
        String firstName,
        String lastName,
        String email,
        String phone,
        String company,
        String jobTitle,
        String website,
        String postalCode,
        String city,
        @Schema(description = "ISO 3166-1 alpha-2", example = "FR") String country,
        @Schema(description = "The person's message") String notes,
        @Schema(description = "The consent box: on, true, yes, oui or 1 when ticked; absent or anything else when "
                + "not. Recorded with the form's consent text version.", example = "on") String consent,
        @Schema(description = "The honeypot: hidden from people, left empty by them") String fax) {

    private static final Set<String> TICKED = Set.of("on", "true", "yes", "oui", "1");

    LeadDetails details() {
        return new LeadDetails(firstName, lastName, email, phone, company, jobTitle, website, postalCode, city,
                country, notes, null, null);
    }

    boolean consentGiven() {
        return consent != null && TICKED.contains(consent.strip().toLowerCase(Locale.ROOT));
    }

    boolean spam() {
        return fax != null && !fax.isEmpty();
    }
}
