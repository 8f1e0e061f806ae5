package io.relais.duplicate;

import io.relais.common.PageRequest;
import io.relais.export.ExportParameters;
import io.relais.export.ListExports;
import io.relais.security.CurrentUser;
import io.relais.web.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/duplicates")
@Tag(name = "Duplicates", description = "Likely duplicate accounts and leads, to merge or dismiss")
public class DuplicateController {

    private final Queries queries;
    private final ListExports exports;

    public DuplicateController(Queries queries, ListExports exports) {
        this.queries = queries;
        this.exports = exports;
    }

    @GetMapping
    @Operation(summary = "Likely duplicate pairs", description = "Pairs of accounts or of leads that look like the "
            + "same company or person, most likely first, with their score (0 to 1) and reasons: a shared SIRET, "
            + "SIREN, e-mail, phone or website domain, or similar names. Only pairs whose two records you may see; "
            + "dismissed pairs are left out. Merge a pair (POST /accounts/{id}/merge) or dismiss it "
            + "(POST /accounts/{id}/duplicates/dismiss); leads likewise.")
    public DuplicatePairPage pairs(@ParameterObject DuplicateListParameters filters, PageRequest page) {
        return queries.answer(filters.query(CurrentUser.viewer(), page), DuplicatePairPage.class);
    }

    @GetMapping(path = "/export", produces = {ListExports.CSV, ListExports.NDJSON})
    @Operation(summary = "Export likely duplicate pairs", description = "The list with its filters and order, "
            + "whole, as a file: " + ListExports.DESCRIPTION)
    public ResponseEntity<StreamingResponseBody> export(@ParameterObject DuplicateListParameters filters,
                                                        @ParameterObject ExportParameters export,
                                                        HttpServletRequest request) {
        return exports.export("duplicates", export, request, filters.query(CurrentUser.viewer(),
                PageRequest.wholeList()), DuplicatePair.class);
    }
}
