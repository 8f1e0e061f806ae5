package io.relais.duplicate;

import io.relais.common.InvalidFieldException;
import io.relais.common.PageRequest;
import io.relais.security.CurrentUser;
import io.relais.web.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/duplicates")
@Tag(name = "Duplicates", description = "Likely duplicate accounts and leads, to merge or dismiss")
public class DuplicateController {

    private final Queries queries;

    public DuplicateController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Likely duplicate pairs", description = "Pairs of accounts or of leads that look like the "
            + "same company or person, most likely first, with their score (0 to 1) and reasons: a shared SIRET, "
            + "SIREN, e-mail, phone or website domain, or similar names. Only pairs whose two records you may see; "
            + "dismissed pairs are left out. Merge a pair (POST /accounts/{id}/merge) or dismiss it "
            + "(POST /accounts/{id}/duplicates/dismiss); leads likewise.")
    public DuplicatePairPage pairs(@Parameter(description = "ACCOUNT or LEAD") @RequestParam RecordKind kind,
                                   @Parameter(description = "Only the pairs involving this record")
                                   @RequestParam(required = false) String recordId,
                                   @Parameter(description = "The lowest score listed, 0 to 1")
                                   @RequestParam(defaultValue = "0") double minScore,
                                   PageRequest page) {
        if (kind == RecordKind.CONTACT) {
            throw new InvalidFieldException("kind", "invalid-parameter", "Duplicate pairs are kept for ACCOUNT and "
                    + "LEAD; a contact's likely duplicates come with its account's or lead's");
        }
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new InvalidFieldException("minScore", "out-of-range", "minScore must be between 0 and 1");
        }
        String record = recordId == null || recordId.isBlank() ? null : recordId.strip();
        return queries.answer(new FindDuplicatePairs(kind, record, minScore, CurrentUser.viewer(),
                page), DuplicatePairPage.class);
    }
}
