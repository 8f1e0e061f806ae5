package io.relais.register;

import io.relais.web.ExpectedVersion;
import io.relais.web.RecordPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounts")
public class EnrichmentController {

    private final AccountEnrichment enrichment;

    public EnrichmentController(AccountEnrichment enrichment) {
        this.enrichment = enrichment;
    }

    @PostMapping("/api/v1/accounts/" + RecordPaths.ID + "/enrichment")
    @Operation(summary = "Fill an account from the company register", description = "Finds the account's "
            + "establishment in SIRENE by the siret given, else the account's SIRET, else its SIREN (the head office), "
            + "else its legal name in its billing postal code, and answers the fields the register fills or changes "
            + "(legal name, SIREN, SIRET, NAF code, billing address), with the establishment's headcount band. For "
            + "whoever sees the account; with apply=true, data stewards make the changes (If-Match optional; a match "
            + "by name needs the chosen candidate's siret), recorded as filled from the register "
            + "(AccountFilledFromRegister). 503 register-unavailable when the register cannot answer.")
    public Enrichment enrich(@PathVariable String id,
                             @Parameter(description = "The establishment to take, e.g. one of the matches a search "
                                     + "by name found") @RequestParam(required = false) String siret,
                             @RequestParam(defaultValue = "false") boolean apply, ExpectedVersion expected) {
        return enrichment.enrich(id, siret, apply, expected.version());
    }
}
