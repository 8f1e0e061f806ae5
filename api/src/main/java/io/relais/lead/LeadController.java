package io.relais.lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import io.relais.common.InvalidTransitionException;
import io.relais.common.PageRequest;
import io.relais.duplicate.DuplicateDismissals;
import io.relais.duplicate.DuplicateMatch;
import io.relais.duplicate.PossibleDuplicates;
import io.relais.duplicate.RecordKind;
import io.relais.organisation.Viewer;
import io.relais.security.CurrentUser;
import io.relais.web.IdempotencyKeys;
import io.relais.web.NotFoundException;
import io.relais.web.QueryParameters;
import io.relais.web.ReadYourWrites;
import io.relais.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@RestController
@RequestMapping("/api/v1/leads")
@Tag(name = "Leads", description = "Possible sales, from first contact to qualification")
public class LeadController {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final IdempotencyKeys idempotencyKeys;
    private final LeadConversion conversion;
    private final PossibleDuplicates possibleDuplicates;
    private final DuplicateDismissals dismissals;

    public LeadController(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites,
                          IdempotencyKeys idempotencyKeys, LeadConversion conversion,
                          PossibleDuplicates possibleDuplicates, DuplicateDismissals dismissals) {
        this.possibleDuplicates = possibleDuplicates;
        this.dismissals = dismissals;
        this.conversion = conversion;
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.idempotencyKeys = idempotencyKeys;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Capture a lead", description = "Needs an e-mail, a phone, or a name with a company. "
            + "With an Idempotency-Key, a retried request returns the first result instead of a second lead. The "
            + "answer lists what the lead may already be, among what you may see (possibleDuplicates): other leads, "
            + "accounts and contacts; the lead is captured anyway.")
    public ResponseEntity<CapturedLead> capture(
            @RequestBody CaptureLeadRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        String userId = CurrentUser.id();
        String leadId = idempotencyKeys.newId("lead", userId, idempotencyKey);
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(request.toCommand(leadId))
                    .andMetaData(idempotencyKeys.metadata(idempotencyKey, request)));
        } catch (AggregateStreamCreationException e) {
            if (idempotencyKey == null) {
                throw e;
            }
            idempotencyKeys.requireSameRequest(leadId, idempotencyKey, request);
        }
        return readYourWrites.answer(HttpStatus.CREATED, URI.create("/api/v1/leads/" + leadId), 0,
                viewer -> find(leadId, viewer), LeadView::version, lead -> new CapturedLead(LeadResource.from(lead),
                        possibleDuplicates.ofLead(leadId, lead.details(), CurrentUser.viewer())));
    }

    @GetMapping("/{id}/duplicates")
    @Operation(summary = "What a lead may already be", description = "Leads, accounts and contacts you may see that "
            + "look like the same person or company, most likely first, with their score (0 to 1) and reasons.")
    public List<DuplicateMatch> duplicates(@PathVariable String id) {
        Viewer viewer = CurrentUser.viewer();
        LeadView lead = find(id, viewer).orElseThrow(() -> new NotFoundException("Lead", id));
        return possibleDuplicates.ofLead(id, lead.details(), viewer);
    }

    @PostMapping("/{id}/duplicates/dismiss")
    @Operation(summary = "Dismiss a proposed duplicate", description = "Records that otherId is not a duplicate of "
            + "this lead: the pair leaves the duplicates list. 204 once it has.")
    public ResponseEntity<Void> dismissDuplicate(@PathVariable String id, @RequestBody DismissDuplicateRequest request) {
        Viewer viewer = CurrentUser.viewer();
        find(id, viewer).orElseThrow(() -> new NotFoundException("Lead", id));
        String otherId = Fields.identifier("otherId", request.otherId());
        if (find(otherId, viewer).isEmpty()) {
            throw unknownLead("otherId", otherId);
        }
        return dismissals.dismiss(new DismissLeadDuplicate(id, otherId), RecordKind.LEAD, id, otherId);
    }

    @GetMapping
    @Operation(summary = "List leads", description = "Paged; filters combine. q searches names, company and e-mail, "
            + "ignoring case and accents. sort is capturedAt, updatedAt, lastName, company or status, "
            + "optionally followed by ',asc' or ',desc'.")
    public LeadListResource list(@RequestParam(required = false) LeadStatus status,
                                 @RequestParam(required = false) String ownerId,
                                 @RequestParam(required = false) LeadSource source,
                                 @RequestParam(required = false) String q,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size,
                                 @RequestParam(defaultValue = "capturedAt,desc") String sort) {
        String[] sortParts = sort.split(",", -1);
        LeadSortField sortBy = LeadSortField.byName(sortParts[0].strip()).orElseThrow(() -> new InvalidFieldException(
                "sort", "invalid-sort", "sort must be one of capturedAt, updatedAt, lastName, company, status"));
        boolean ascending = sortParts.length > 1 && parseDirection(sortParts[1]);
        FindLeads query = new FindLeads(CurrentUser.viewer(), status, QueryParameters.text(ownerId), source, q, sortBy,
                ascending, new PageRequest(page, size));
        return LeadListResource.from(queries.query(query, LeadPage.class).join());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a lead", description = "The ETag is the lead's version, for If-Match on changes.")
    public ResponseEntity<LeadResource> get(@PathVariable String id) {
        LeadView lead = find(id, CurrentUser.viewer()).orElseThrow(() -> new NotFoundException("Lead", id));
        return ResponseEntity.ok().eTag(Versions.etag(lead.version())).body(LeadResource.from(lead));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "A lead's history", description = "Every event, oldest first, with its time, user and "
            + "correlation id, and the fields it changed.")
    public LeadHistoryPage history(@PathVariable String id,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size) {
        PageRequest pageRequest = new PageRequest(page, size);
        Viewer viewer = CurrentUser.viewer();
        if (find(id, viewer).isEmpty()) {
            throw new NotFoundException("Lead", id);
        }
        return queries.query(new FindLeadHistory(id, viewer, pageRequest), LeadHistoryPage.class).join();
    }

    @PatchMapping(path = "/{id}", consumes = {MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Update some details", description = "JSON merge patch: fields present change, null clears "
            + "a field, absent fields stay.")
    public ResponseEntity<LeadResource> update(@PathVariable String id,
                                               @io.swagger.v3.oas.annotations.parameters.RequestBody(content =
                                               @Content(schema = @Schema(implementation = LeadDetails.class)))
                                               @RequestBody JsonNode patch,
                                               @Parameter(description = "The ETag last read; a stale one gets 409")
                                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                               String ifMatch) {
        Long expected = Versions.expected(ifMatch);
        return send(id, new UpdateLeadDetails(id, changes(patch), expected));
    }

    @PutMapping("/{id}/owner")
    @Operation(summary = "Assign the lead's owner")
    public ResponseEntity<LeadResource> assignOwner(@PathVariable String id, @RequestBody AssignOwnerRequest request,
                                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                                    String ifMatch) {
        return send(id, new AssignLeadOwner(id, request.ownerId(), Versions.expected(ifMatch)));
    }

    @PostMapping("/{id}/start-work")
    @Operation(summary = "Start working a new lead")
    public ResponseEntity<LeadResource> startWork(@PathVariable String id,
                                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                                  String ifMatch) {
        return send(id, new StartWorkingLead(id, Versions.expected(ifMatch)));
    }

    @PostMapping("/{id}/qualify")
    @Operation(summary = "Qualify a new or worked lead")
    public ResponseEntity<LeadResource> qualify(@PathVariable String id,
                                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                                String ifMatch) {
        return send(id, new QualifyLead(id, Versions.expected(ifMatch)));
    }

    @PostMapping("/{id}/disqualify")
    @Operation(summary = "Disqualify a new or worked lead, with a reason")
    public ResponseEntity<LeadResource> disqualify(@PathVariable String id, @RequestBody DisqualifyRequest request,
                                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                                   String ifMatch) {
        return send(id, new DisqualifyLead(id, request.reason(), request.note(), Versions.expected(ifMatch)));
    }

    @PostMapping("/{id}/reopen")
    @Operation(summary = "Reopen a qualified or disqualified lead")
    public ResponseEntity<LeadResource> reopen(@PathVariable String id,
                                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                               String ifMatch) {
        return send(id, new ReopenLead(id, Versions.expected(ifMatch)));
    }

    @PostMapping("/{id}/convert")
    @Operation(summary = "Convert a qualified lead", description = "Creates an account from the lead's company (or "
            + "attaches to accountId) and a contact from the lead's person, and records on each that they come from "
            + "the lead. Safe to retry: a retry completes an interrupted conversion or answers the finished one.")
    public LeadConversionResult convert(@PathVariable String id,
                                        @RequestBody(required = false) ConvertLeadRequest request,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                        String ifMatch) {
        return conversion.convert(id, request, Versions.expected(ifMatch));
    }

    @PostMapping("/{id}/merge")
    @Operation(summary = "Merge a duplicate into this lead", description = "The duplicate's details fill this lead's "
            + "blanks (unless this lead is converted), and it ends as MERGED with mergedIntoId pointing here; its "
            + "history stays readable in this lead's. A converted lead cannot be the duplicate. Safe to retry.")
    public ResponseEntity<LeadResource> merge(@PathVariable String id, @RequestBody MergeLeadRequest request) {
        Viewer caller = CurrentUser.viewer();
        LeadView survivor = find(id, caller).orElseThrow(() -> new NotFoundException("Lead", id));
        String duplicateId = Fields.identifier("duplicateId", request.duplicateId());
        if (duplicateId.equals(id)) {
            throw new InvalidFieldException("duplicateId", "same-record", "A lead cannot be merged into itself");
        }
        LeadView duplicate = find(duplicateId, caller).orElseThrow(() -> unknownLead("duplicateId", duplicateId));
        if (!id.equals(duplicate.mergedIntoId())) {
            if (survivor.status() == LeadStatus.MERGED) {
                throw new InvalidTransitionException("merge into a lead", LeadStatus.MERGED.name());
            }
            commands.sendAndWait(new MergeLeadInto(duplicateId, id, null));
        }
        return readYourWrites.answerWhen(HttpStatus.OK, URI.create("/api/v1/leads/" + id), viewer -> find(id, viewer),
                lead -> lead.mergedLeadIds().contains(duplicateId), LeadView::version, LeadResource::from);
    }

    private ResponseEntity<LeadResource> send(String id, Object command) {
        long version = commands.<Long>sendAndWait(command);
        return respond(HttpStatus.OK, id, version);
    }

    private ResponseEntity<LeadResource> respond(HttpStatus status, String id, long version) {
        return readYourWrites.answer(status, URI.create("/api/v1/leads/" + id), version, viewer -> find(id, viewer),
                LeadView::version, LeadResource::from);
    }

    private static InvalidFieldException unknownLead(String field, String id) {
        return new InvalidFieldException(field, "unknown-lead", "No lead you may see has the id " + id);
    }

    private Optional<LeadView> find(String id, Viewer viewer) {
        return queries.query(new FindLead(id, viewer), ResponseTypes.optionalInstanceOf(LeadView.class)).join();
    }

    private static Map<LeadField, String> changes(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new InvalidFieldException("body", "invalid-body", "The body must be a JSON object of fields to change");
        }
        Map<LeadField, String> changes = new EnumMap<>(LeadField.class);
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            LeadField field = LeadField.byName(entry.getKey()).orElseThrow(() -> new InvalidFieldException(
                    entry.getKey(), "unknown-field", "Unknown or read-only field '" + entry.getKey() + "'"));
            JsonNode value = entry.getValue();
            if (!value.isNull() && !value.isTextual()) {
                throw new InvalidFieldException(entry.getKey(), "invalid-value",
                        "'" + entry.getKey() + "' must be a string or null");
            }
            changes.put(field, value.isNull() ? null : value.textValue());
        }
        return changes;
    }

    private static boolean parseDirection(String direction) {
        return switch (direction.strip().toLowerCase()) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw new InvalidFieldException("sort", "invalid-sort", "sort direction must be asc or desc");
        };
    }
}
