package io.relais.webform;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The body that registers or changes a web form. */
@Schema(example = """
        {"name": "Contact page", "allowedOrigins": ["https://www.example.fr"], "sourceDetail": "Site web, contact",
         "consentText": "J'accepte de recevoir les offres de Relais.", "consentTextVersion": "2026-11",
         "redirectUrl": "https://www.example.fr/merci"}""")
record WebFormRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The origins (scheme, host, port) of the "
                + "pages that may post the form; at most 20") List<String> allowedOrigins,
        @Schema(description = "The leads' source detail; the form's name when absent") String sourceDetail,
        @Schema(description = "Who the leads go to; absent: the territory rules route them") String ownerId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The consent wording the page shows")
        String consentText,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Its version, recorded with each lead's "
                + "consent") String consentTextVersion,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Where a browser goes after posting "
                + "the form") String redirectUrl) {

    WebFormSettings settings() {
        return new WebFormSettings(name, allowedOrigins, sourceDetail, ownerId, consentText, consentTextVersion,
                redirectUrl);
    }
}
