package io.relais.lead;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of a lead capture. Only one way to reach someone is required. */
@Schema(example = """
        {"firstName": "Éloïse", "lastName": "Martin", "email": "eloise.martin@example.fr", "company": "Durand SA",
         "postalCode": "69002", "country": "FR", "source": "WEB_FORM", "sourceDetail": "Salon Lyon 2026",
         "consent": {"granted": true, "date": "2026-11-20", "channel": "WEB_FORM", "textVersion": "2026-11"}}""")
public record CaptureLeadRequest(
        String firstName,
        String lastName,
        @Schema(example = "jeanne.martin@example.fr") String email,
        String phone,
        String company,
        String jobTitle,
        String website,
        String postalCode,
        String city,
        @Schema(description = "ISO 3166-1 alpha-2", example = "FR") String country,
        @Schema(description = "Free text about the person. Personal data: keep it factual.") String notes,
        @Schema(description = "French NAF/APE activity code", example = "62.01Z") String nafCode,
        @Schema(description = "Company size band: MICRO (<10), SMALL (10-49), MEDIUM (50-249), "
                + "INTERMEDIATE (250-4999), LARGE (5000+)", example = "SMALL") String companySize,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LeadSource source,
        @Schema(description = "Campaign, partner file or page the lead came from") String sourceDetail,
        @Schema(description = "The person's answer to marketing, kept as proof: granted, its date and channel, and "
                + "optionally textVersion, the version of the consent text they were shown (up to 50 characters)")
        MarketingConsent consent,
        String ownerId) {

    CaptureLead toCommand(String leadId) {
        return new CaptureLead(leadId,
                new LeadDetails(firstName, lastName, email, phone, company, jobTitle, website, postalCode, city,
                        country, notes, nafCode, companySize),
                source, sourceDetail, consent, ownerId);
    }
}
