package io.relais.lead;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of a lead capture. Only one way to reach someone is required. */
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
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LeadSource source,
        @Schema(description = "Campaign, partner file or page the lead came from") String sourceDetail,
        MarketingConsent consent,
        String ownerId) {

    CaptureLead toCommand(String leadId) {
        return new CaptureLead(leadId,
                new LeadDetails(firstName, lastName, email, phone, company, jobTitle, website, postalCode, city,
                        country, notes),
                source, sourceDetail, consent, ownerId);
    }
}
