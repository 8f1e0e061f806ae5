package io.relais.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.common.AsOf;
import io.relais.common.PageRequest;
import io.relais.duplicate.PossibleDuplicates;
import io.relais.export.ExportParameters;
import io.relais.export.ListExports;
import io.relais.organisation.Viewer;
import io.relais.register.AccountEnrichment;
import io.relais.security.CurrentUser;
import io.relais.web.Answer;
import io.relais.web.AsOfParameters;
import io.relais.web.ExpectedVersion;
import io.relais.web.IdempotencyKey;
import io.relais.web.Queries;
import io.relais.web.RecordEndpoint;
import io.relais.web.RecordEndpoints;
import io.relais.web.RecordPaths;
import io.relais.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
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

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts", description = "Companies (prospects and customers) and their contacts")
public class AccountController {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final RecordEndpoints endpoints;
    private final RecordEndpoint<AccountView> accounts;
    private final Queries queries;
    private final AccountPatches patches;
    private final PossibleDuplicates possibleDuplicates;
    private final ListExports exports;
    private final AccountEnrichment enrichment;

    public AccountController(RecordEndpoints endpoints, RecordEndpoint<AccountView> accounts, Queries queries,
                             AccountPatches patches, PossibleDuplicates possibleDuplicates, ListExports exports,
                             AccountEnrichment enrichment) {
        this.exports = exports;
        this.endpoints = endpoints;
        this.accounts = accounts;
        this.queries = queries;
        this.patches = patches;
        this.possibleDuplicates = possibleDuplicates;
        this.enrichment = enrichment;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create an account", description = "A prospect needs only its legal name. Body: the account "
            + "details (legalName, tradeName, billingAddress, deliveryAddress, phone, website, siren, siret, nafCode, "
            + "headcount, annualRevenue, ownershipNotes, paymentTerms, creditLimit, purchaseVolume, ourShare, "
            + "businessTarget) and an optional ownerId. With an Idempotency-Key a retry returns the first account. "
            + "The answer lists the likely duplicates you may see (possibleDuplicates): the account is created anyway.")
    public ResponseEntity<CreatedAccount> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = AccountDetails.class),
                            examples = @ExampleObject(name = "prospect", value = AccountRequests.CREATE_EXAMPLE)))
            @RequestBody JsonNode body, IdempotencyKey key,
            @Parameter(description = "true: what the account lacks is filled from the SIRENE register, when it knows "
                    + "the account's SIRET or SIREN (what the request gives stays)")
            @RequestParam(defaultValue = "false") boolean enrich) {
        return accounts.create(key, body.deepCopy(), accountId -> {
            String ownerId = patches.take(body, "ownerId");
            return new CreateAccount(accountId, patches.details(body), ownerId);
        }, accountId -> enrich ? enrichment.fillWhatItLacks(accountId, 0) : 0, account -> new CreatedAccount(account,
                possibleDuplicates.ofAccount(account.id(), account.details(), CurrentUser.viewer())));
    }

    @GetMapping
    @Operation(summary = "List accounts", description = "Paged, by legal name; q searches legal and trade names "
            + "ignoring case and accents; registration finds a SIREN or SIRET.")
    public AccountPage list(@ParameterObject AccountListParameters filters, PageRequest page) {
        return queries.answer(filters.query(CurrentUser.viewer(), page), AccountPage.class);
    }

    @GetMapping(path = "/export", produces = {ListExports.CSV, ListExports.NDJSON})
    @Operation(summary = "Export accounts", description = "The list with its filters, whole, as a file: "
            + ListExports.DESCRIPTION)
    public ResponseEntity<StreamingResponseBody> export(@ParameterObject AccountListParameters filters,
                                                        @ParameterObject ExportParameters export,
                                                        HttpServletRequest request) {
        return exports.export("accounts", export, request, filters.query(CurrentUser.viewer(),
                PageRequest.wholeList()), AccountView.class);
    }

    @GetMapping("/" + RecordPaths.ID)
    @Operation(summary = "Get an account", description = "The ETag is its version, for If-Match on changes."
            + AsOfParameters.DESCRIPTION)
    public ResponseEntity<AccountView> get(@PathVariable String id, @ParameterObject AsOfParameters past) {
        return accounts.read(id, past);
    }

    @PatchMapping(path = "/{id}", consumes = {MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Update some details", description = "JSON merge patch: fields present change, null clears, "
            + "addresses are replaced whole. Once the account is linked to the ERP, legalName, billingAddress, siren, "
            + "siret, nafCode, paymentTerms and creditLimit change only through a data steward.")
    public ResponseEntity<AccountView> update(@PathVariable String id,
                                              @io.swagger.v3.oas.annotations.parameters.RequestBody(content =
                                              @Content(schema = @Schema(implementation = AccountDetails.class)))
                                              @RequestBody JsonNode patch, ExpectedVersion expected) {
        var fields = patches.fields(patch);
        return accounts.send(id, new UpdateAccountDetails(id, patches.details(patch), fields, expected.version()));
    }

    @PutMapping("/{id}/owner")
    @Operation(summary = "Assign the account's owner")
    public ResponseEntity<AccountView> assignOwner(@PathVariable String id,
                                                   @RequestBody AccountRequests.AssignOwner request,
                                                   ExpectedVersion expected) {
        return accounts.send(id, new AssignAccountOwner(id, request.ownerId(), expected.version()));
    }

    @PostMapping("/{id}/promote")
    @Operation(summary = "Make a prospect a customer", description = "Refused with 422 erp-fields-missing and "
            + "missingFields when the ERP's mandatory fields (legalName, complete billingAddress, siret, nafCode, "
            + "paymentTerms) are not all there.")
    public ResponseEntity<AccountView> promote(@PathVariable String id, ExpectedVersion expected) {
        return accounts.send(id, new PromoteAccountToCustomer(id, expected.version()));
    }

    @PostMapping("/{id}/erp-link")
    @Operation(summary = "Link a customer to its ERP record", description = "Data stewards only.")
    public ResponseEntity<AccountView> linkToErp(@PathVariable String id,
                                                 @RequestBody AccountRequests.LinkToErp request,
                                                 ExpectedVersion expected) {
        return accounts.send(id, new LinkAccountToErp(id, request.erpId(), expected.version()));
    }

    @PostMapping(path = "/{id}/erp-sync", consumes = {MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Apply the ERP's values of ERP-mastered fields", description = "Data stewards (or an ERP "
            + "integration signed in as one); merge patch of ERP-mastered fields only.")
    public ResponseEntity<AccountView> syncFromErp(@PathVariable String id,
                                                   @io.swagger.v3.oas.annotations.parameters.RequestBody(content =
                                                   @Content(schema = @Schema(implementation = AccountDetails.class)))
                                                   @RequestBody JsonNode values) {
        var fields = patches.fields(values);
        return accounts.send(id, new SyncAccountFromErp(id, patches.details(values), fields));
    }

    @PostMapping("/{id}/contacts")
    @Answer(status = 201, headers = {HttpHeaders.LOCATION, HttpHeaders.ETAG})
    @Operation(summary = "Add a contact", description = "A contact needs a first or last name; notes are personal data.")
    public ResponseEntity<List<ContactView>> addContact(@PathVariable String id,
                                                        @RequestBody AccountRequests.AddContact request) {
        String contactId = UUID.randomUUID().toString();
        long version = accounts.sendAndAwait(id, new AddContact(id, contactId, request.details()));
        return ResponseEntity.created(contactLocation(id, contactId)).eTag(Versions.etag(version)).body(contacts(id));
    }

    @GetMapping("/{id}/contacts")
    @Operation(summary = "An account's contacts", description = "By name. With asOf or version, as they stood at "
            + "that instant or version of the account, rebuilt from its events: 404 before the account existed (or "
            + "for a version it never had). Visibility is today's: the caller must be allowed to see the account now.")
    public List<ContactView> contacts(@PathVariable String id, @ParameterObject AsOfParameters past) {
        Optional<AsOf> asOf = accounts.pastState(past);
        if (asOf.isEmpty()) {
            return contacts(id);
        }
        accounts.visible(id, asOf);
        return queries.answer(new FindContactsAsOf(id, asOf.get()), ContactList.class).contacts();
    }

    private List<ContactView> contacts(String id) {
        accounts.visible(id);
        return queries.answer(new FindContacts(id, CurrentUser.viewer()), ContactList.class).contacts();
    }

    @GetMapping(path = "/{id}/contacts/export", produces = {ListExports.CSV, ListExports.NDJSON})
    @Operation(summary = "Export an account's contacts", description = "By name, as a file: "
            + ListExports.DESCRIPTION)
    public ResponseEntity<StreamingResponseBody> exportContacts(@PathVariable String id,
                                                                @ParameterObject ExportParameters export,
                                                                HttpServletRequest request) {
        accounts.visible(id);
        return exports.export("contacts", export, request, new FindContacts(id, CurrentUser.viewer()),
                ContactView.class);
    }

    @PutMapping("/{id}/contacts/{contactId}")
    @Operation(summary = "Replace a contact's details")
    public List<ContactView> updateContact(@PathVariable String id, @PathVariable String contactId,
                                           @RequestBody AccountRequests.AddContact request, ExpectedVersion expected) {
        accounts.sendAndAwait(id, new UpdateContact(id, contactId, request.details(), expected.version()));
        return contacts(id);
    }

    @PostMapping("/{id}/contacts/{contactId}/links")
    @Operation(summary = "Link a contact to another", description = "kind: REFERRED_BY, SAME_PERSON, FAMILY, "
            + "COLLEAGUE, REPORTS_TO or OTHER.")
    public List<ContactView> linkContact(@PathVariable String id, @PathVariable String contactId,
                                         @RequestBody AccountRequests.LinkContact request) {
        accounts.sendAndAwait(id, new LinkContacts(id, contactId, request.linkedContactId(), request.kind()));
        return contacts(id);
    }

    @PostMapping("/{id}/contacts/{contactId}/move")
    @Answer(status = 200, headers = HttpHeaders.LOCATION)
    @Answer(status = 202, headers = HttpHeaders.LOCATION, body = false)
    @Operation(summary = "Move a contact to another account", description = "The contact keeps its id, details, "
            + "links and history; it leaves this account's list and joins toAccountId's, which you must be able to "
            + "see. Answers the contact in its new account.")
    public ResponseEntity<ContactView> moveContact(@PathVariable String id, @PathVariable String contactId,
                                                   @RequestBody AccountRequests.MoveContact request,
                                                   ExpectedVersion expected) {
        accounts.visible(id);
        String target = accounts.named("toAccountId", request.toAccountId()).id();
        endpoints.send(new MoveContact(id, contactId, target, expected.version()));
        Optional<ContactView> moved = endpoints.await(() -> queries.find(new FindContact(contactId, Viewer.system()),
                ContactView.class), contact -> !contact.accountId().equals(id));
        if (moved.isEmpty()) {
            return ResponseEntity.accepted().location(contactLocation(target, contactId)).build();
        }
        return ResponseEntity.ok().location(contactLocation(moved.get().accountId(), contactId))
                .body(queries.find(new FindContact(contactId, CurrentUser.viewer()), ContactView.class).orElse(null));
    }

    @PostMapping("/{id}/merge")
    @Operation(summary = "Merge a duplicate into this account", description = "The duplicate's contacts and converted "
            + "leads move here, its details fill this account's blanks (an ERP-linked duplicate's ERP fields win, and "
            + "its customer status and ERP link carry over), and it ends as MERGED with mergedIntoId pointing here. "
            + "Both histories stay readable in this account's timeline. Safe to retry.")
    public ResponseEntity<AccountView> merge(@PathVariable String id, @RequestBody AccountRequests.Merge request) {
        return accounts.merge(id, request.duplicateId(), AccountView::mergedIntoId,
                (duplicateId, survivorId) -> new MergeAccountInto(duplicateId, survivorId, null),
                AccountView::mergedAccountIds);
    }

    private static URI contactLocation(String accountId, String contactId) {
        return URI.create("/api/v1/accounts/" + accountId + "/contacts/" + contactId);
    }
}
