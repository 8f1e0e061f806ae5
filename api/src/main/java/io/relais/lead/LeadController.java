package io.relais.lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.common.PageRequest;
import io.relais.duplicate.PossibleDuplicates;
import io.relais.export.ExportParameters;
import io.relais.export.ListExports;
import io.relais.security.CurrentUser;
import io.relais.web.AsOfParameters;
import io.relais.web.ExpectedVersion;
import io.relais.web.IdempotencyKey;
import io.relais.web.PageSize;
import io.relais.web.Queries;
import io.relais.web.RecordEndpoint;
import io.relais.web.RecordPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/leads")
@Tag(name = "Leads", description = "Possible sales, from first contact to qualification")
public class LeadController {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final RecordEndpoint<LeadView> leads;
    private final Queries queries;
    private final LeadConversion conversion;
    private final PossibleDuplicates possibleDuplicates;
    private final ListExports exports;

    public LeadController(RecordEndpoint<LeadView> leads, Queries queries, LeadConversion conversion,
                          PossibleDuplicates possibleDuplicates, ListExports exports) {
        this.leads = leads;
        this.queries = queries;
        this.conversion = conversion;
        this.possibleDuplicates = possibleDuplicates;
        this.exports = exports;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Capture a lead", description = "Needs an e-mail, a phone, or a name with a company. "
            + "With an Idempotency-Key, a retried request returns the first result instead of a second lead. The "
            + "answer lists what the lead may already be, among what you may see (possibleDuplicates): other leads, "
            + "accounts and contacts; the lead is captured anyway.")
    public ResponseEntity<CapturedLead> capture(@RequestBody CaptureLeadRequest request, IdempotencyKey key) {
        return leads.create(key, request, request::toCommand, lead -> new CapturedLead(lead,
                possibleDuplicates.ofLead(lead.id(), lead.details(), CurrentUser.viewer())));
    }

    @GetMapping
    @Operation(summary = "List leads", description = "Paged; filters combine. q searches names, company and e-mail, "
            + "ignoring case and accents.")
    public LeadPage list(@ParameterObject LeadListParameters filters, PageRequest page,
                         @Parameter(description = LeadListParameters.SORT)
                         @RequestParam(defaultValue = LeadListParameters.DEFAULT_SORT) String sort) {
        return queries.answer(filters.query(CurrentUser.viewer(), page, sort), LeadPage.class);
    }

    @GetMapping(path = "/export", produces = {ListExports.CSV, ListExports.NDJSON})
    @Operation(summary = "Export leads", description = "The list with its filters and order, whole, as a file: "
            + ListExports.DESCRIPTION)
    public ResponseEntity<StreamingResponseBody> export(@ParameterObject LeadListParameters filters,
                                                        @Parameter(description = LeadListParameters.SORT)
                                                        @RequestParam(defaultValue = LeadListParameters.DEFAULT_SORT)
                                                        String sort,
                                                        @ParameterObject ExportParameters export,
                                                        HttpServletRequest request) {
        return exports.export("leads", export, request, filters.query(CurrentUser.viewer(), PageRequest.wholeList(),
                sort), LeadView.class);
    }

    @GetMapping("/" + RecordPaths.ID)
    @Operation(summary = "Get a lead", description = "The ETag is the lead's version, for If-Match on changes."
            + AsOfParameters.DESCRIPTION)
    public ResponseEntity<LeadView> get(@PathVariable String id, @ParameterObject AsOfParameters past) {
        return leads.read(id, past);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "A lead's history", description = "Every event, oldest first, with its time, user and "
            + "correlation id, and the fields it changed.")
    public LeadHistoryPage history(@PathVariable String id,
                                   @PageSize(50) PageRequest page) {
        leads.visible(id);
        return queries.answer(new FindLeadHistory(id, CurrentUser.viewer(), page), LeadHistoryPage.class);
    }

    @PatchMapping(path = "/{id}", consumes = {MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Update some details", description = "JSON merge patch: fields present change, null clears "
            + "a field, absent fields stay.")
    public ResponseEntity<LeadView> update(@PathVariable String id,
                                           @io.swagger.v3.oas.annotations.parameters.RequestBody(content =
                                           @Content(schema = @Schema(implementation = LeadDetails.class)))
                                           @RequestBody JsonNode patch, ExpectedVersion expected) {
        return send(id, new UpdateLeadDetails(id, LeadPatches.changes(patch), expected.version()));
    }

    @PutMapping("/{id}/owner")
    @Operation(summary = "Assign the lead's owner")
    public ResponseEntity<LeadView> assignOwner(@PathVariable String id, @RequestBody AssignOwnerRequest request,
                                                ExpectedVersion expected) {
        return send(id, new AssignLeadOwner(id, request.ownerId(), expected.version()));
    }

    @PostMapping("/{id}/consent/withdrawal")
    @Operation(summary = "Withdraw the person's consent to marketing", description = "Records that the person "
            + "no longer wants marketing (marketingConsent becomes false, with the day and channel they said it), "
            + "whatever the lead's status, also when they had never consented. A lead whose consent is already "
            + "withdrawn stays as it is. Not for a merged lead (withdraw it on the lead it was merged into) nor "
            + "once the person's data is erased.")
    public ResponseEntity<LeadView> withdrawConsent(@PathVariable String id,
                                                    @RequestBody ConsentWithdrawalRequest request,
                                                    ExpectedVersion expected) {
        return send(id, new WithdrawLeadConsent(id, request.date(), request.channel(), expected.version()));
    }

    @PostMapping("/{id}/start-work")
    @Operation(summary = "Start working a new lead")
    public ResponseEntity<LeadView> startWork(@PathVariable String id, ExpectedVersion expected) {
        return send(id, new StartWorkingLead(id, expected.version()));
    }

    @PostMapping("/{id}/qualify")
    @Operation(summary = "Qualify a new or worked lead")
    public ResponseEntity<LeadView> qualify(@PathVariable String id, ExpectedVersion expected) {
        return send(id, new QualifyLead(id, expected.version()));
    }

    @PostMapping("/{id}/disqualify")
    @Operation(summary = "Disqualify a new or worked lead, with a reason")
    public ResponseEntity<LeadView> disqualify(@PathVariable String id, @RequestBody DisqualifyRequest request,
                                               ExpectedVersion expected) {
        return send(id, new DisqualifyLead(id, request.reason(), request.note(), expected.version()));
    }

    @PostMapping("/{id}/reopen")
    @Operation(summary = "Reopen a qualified or disqualified lead")
    public ResponseEntity<LeadView> reopen(@PathVariable String id, ExpectedVersion expected) {
        return send(id, new ReopenLead(id, expected.version()));
    }

    @PostMapping("/{id}/convert")
    @Operation(summary = "Convert a qualified lead", description = "Creates an account from the lead's company (or "
            + "attaches to accountId) and a contact from the lead's person, and records on each that they come from "
            + "the lead. Safe to retry: a retry completes an interrupted conversion or answers the finished one.")
    public LeadConversionResult convert(@PathVariable String id,
                                        @RequestBody(required = false) ConvertLeadRequest request,
                                        ExpectedVersion expected,
                                        @Parameter(description = "true: what a new account lacks is filled from the "
                                                + "SIRENE register, when it knows the company's SIRET or SIREN")
                                        @RequestParam(defaultValue = "false") boolean enrich) {
        return conversion.convert(id, request, expected.version(), enrich);
    }

    @PostMapping("/{id}/merge")
    @Operation(summary = "Merge a duplicate into this lead", description = "The duplicate's details fill this lead's "
            + "blanks (unless this lead is converted), and it ends as MERGED with mergedIntoId pointing here; its "
            + "history stays readable in this lead's. A converted lead cannot be the duplicate. Safe to retry.")
    public ResponseEntity<LeadView> merge(@PathVariable String id, @RequestBody MergeLeadRequest request) {
        return leads.merge(id, request.duplicateId(), LeadView::mergedIntoId,
                (duplicateId, survivorId) -> new MergeLeadInto(duplicateId, survivorId, null), LeadView::mergedLeadIds);
    }

    private ResponseEntity<LeadView> send(String id, Object command) {
        return leads.send(id, command);
    }
}
