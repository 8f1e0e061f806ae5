package io.relais.opportunity;

import io.relais.account.AccountView;
import io.relais.account.ContactView;
import io.relais.account.FindContact;
import io.relais.common.InvalidFieldException;
import io.relais.common.PageRequest;
import io.relais.export.ExportParameters;
import io.relais.export.ListExports;
import io.relais.opportunity.OpportunityRequests.Open;
import io.relais.organisation.Viewer;
import io.relais.security.CurrentUser;
import io.relais.web.AsOfParameters;
import io.relais.web.ExpectedVersion;
import io.relais.web.IdempotencyKey;
import io.relais.web.Queries;
import io.relais.web.RecordPaths;
import io.relais.web.RecordEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Opportunities", description = "Deals with accounts: stages, amounts, line items, won and lost")
public class OpportunityController {

    private final RecordEndpoint<OpportunityView> deals;
    private final RecordEndpoint<AccountView> accounts;
    private final Queries queries;
    private final SalesStages stages;
    private final LinePricing pricing;
    private final ListExports exports;

    public OpportunityController(RecordEndpoint<OpportunityView> deals, RecordEndpoint<AccountView> accounts,
                                 Queries queries, SalesStages stages, LinePricing pricing, ListExports exports) {
        this.exports = exports;
        this.deals = deals;
        this.accounts = accounts;
        this.queries = queries;
        this.stages = stages;
        this.pricing = pricing;
    }

    @GetMapping("/opportunity-stages")
    @Operation(summary = "The open sales stages", description = "In order, with their probability (percent) and "
            + "forecast category; a deal closes as won (CLOSED_WON, 100 %, CLOSED) or lost (CLOSED_LOST, 0 %, "
            + "OMITTED).")
    public List<SalesStage> stages() {
        return stages.open();
    }

    @PostMapping(path = "/opportunities", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open a deal", description = "With an account you may see, a name, a currency and an "
            + "expected close date; in the first stage. With an Idempotency-Key a retry returns the first deal.")
    public ResponseEntity<OpportunityView> open(@RequestBody Open request, IdempotencyKey key) {
        return deals.create(key, request, opportunityId -> {
            String accountId = accounts.named("accountId", request.accountId()).id();
            requireContactOf(accountId, request.primaryContactId(), CurrentUser.viewer());
            return new OpenOpportunity(opportunityId, accountId, request.name(), request.ownerId(),
                    request.primaryContactId(), request.leadId(), request.currency(), request.amount(),
                    request.expectedCloseDate(), request.priceList());
        });
    }

    @GetMapping("/opportunities")
    @Operation(summary = "List deals", description = "By expected close date; filters accountId, ownerId, status "
            + "(OPEN, WON, LOST), stage, closingFrom (included) and closingBefore (excluded), q in the name.")
    public OpportunityPage list(@ParameterObject OpportunityListParameters filters, PageRequest page) {
        return queries.answer(filters.query(CurrentUser.viewer(), page), OpportunityPage.class);
    }

    @GetMapping(path = "/opportunities/export", produces = {ListExports.CSV, ListExports.NDJSON})
    @Operation(summary = "Export deals", description = "The list with its filters and order, whole, as a file: "
            + ListExports.DESCRIPTION)
    public ResponseEntity<StreamingResponseBody> export(@ParameterObject OpportunityListParameters filters,
                                                        @ParameterObject ExportParameters export,
                                                        HttpServletRequest request) {
        return exports.export("opportunities", export, request, filters.query(CurrentUser.viewer(),
                PageRequest.wholeList()), OpportunityView.class);
    }

    @GetMapping("/opportunities/" + RecordPaths.ID)
    @Operation(summary = "Get a deal", description = "The ETag is its version, for If-Match on changes."
            + AsOfParameters.DESCRIPTION)
    public ResponseEntity<OpportunityView> get(@PathVariable String id, @ParameterObject AsOfParameters past) {
        return deals.read(id, past);
    }

    @PutMapping("/opportunities/{id}/details")
    @Operation(summary = "Rename a deal or change its primary contact")
    public ResponseEntity<OpportunityView> details(@PathVariable String id,
                                                   @RequestBody OpportunityRequests.Details request,
                                                   ExpectedVersion expected) {
        requireContactOf(deals.visible(id).accountId(), request.primaryContactId(), CurrentUser.viewer());
        return send(id, new UpdateOpportunityDetails(id, request.name(), request.primaryContactId(),
                expected.version()));
    }

    @PutMapping("/opportunities/{id}/stage")
    @Operation(summary = "Move a deal to another open stage", description = "See GET /opportunity-stages.")
    public ResponseEntity<OpportunityView> stage(@PathVariable String id,
                                                 @RequestBody OpportunityRequests.Stage request,
                                                 ExpectedVersion expected) {
        return send(id, new ChangeOpportunityStage(id, request.stage(), expected.version()));
    }

    @PutMapping("/opportunities/{id}/amount")
    @Operation(summary = "Set a deal's amount", description = "Only without line items (409 amount-from-line-items).")
    public ResponseEntity<OpportunityView> amount(@PathVariable String id,
                                                  @RequestBody OpportunityRequests.Amount request,
                                                  ExpectedVersion expected) {
        return send(id, new ChangeOpportunityAmount(id, request.amount(), expected.version()));
    }

    @PutMapping("/opportunities/{id}/close-date")
    @Operation(summary = "Move a deal's expected close date")
    public ResponseEntity<OpportunityView> closeDate(@PathVariable String id,
                                                     @RequestBody OpportunityRequests.CloseDate request,
                                                     ExpectedVersion expected) {
        return send(id, new ChangeOpportunityCloseDate(id, request.expectedCloseDate(), expected.version()));
    }

    @PostMapping("/opportunities/{id}/line-items")
    @Operation(summary = "Add a line priced from the catalogue", description = "The product's price in the deal's "
            + "price list and currency, today; 400 no-price when none applies, product-discontinued when it is no "
            + "longer sold. The deal's amount becomes its lines' total.")
    public ResponseEntity<OpportunityView> addLine(@PathVariable String id,
                                                   @RequestBody OpportunityRequests.Line request,
                                                   ExpectedVersion expected) {
        OpportunityView deal = deals.visible(id);
        LineItem line = pricing.line(deal.priceList(), deal.currency(), request.productId(), request.quantity(),
                request.discountPercent(), request.unitCost());
        return send(id, new AddOpportunityLineItem(id, line, expected.version()));
    }

    @DeleteMapping("/opportunities/{id}/line-items/{lineId}")
    @Operation(summary = "Remove a line")
    public ResponseEntity<OpportunityView> removeLine(@PathVariable String id, @PathVariable String lineId,
                                                      ExpectedVersion expected) {
        return send(id, new RemoveOpportunityLineItem(id, lineId, expected.version()));
    }

    @PutMapping("/opportunities/{id}/owner")
    @Operation(summary = "Assign a deal's owner")
    public ResponseEntity<OpportunityView> owner(@PathVariable String id,
                                                 @RequestBody OpportunityRequests.Owner request,
                                                 ExpectedVersion expected) {
        return send(id, new AssignOpportunityOwner(id, request.ownerId(), expected.version()));
    }

    @PostMapping("/opportunities/{id}/close-won")
    @Operation(summary = "Close a deal as won", description = "Its account becomes a customer; when the ERP's "
            + "fields are missing, the deal still closes and its owner gets a data-completion task.")
    public ResponseEntity<OpportunityView> closeWon(@PathVariable String id, ExpectedVersion expected) {
        return send(id, new CloseOpportunityWon(id, expected.version()));
    }

    @PostMapping("/opportunities/{id}/close-lost")
    @Operation(summary = "Close a deal as lost", description = "reason: PRICE, COMPETITOR, NO_DECISION, NO_BUDGET, "
            + "TIMING, PRODUCT_FIT or OTHER (with a note).")
    public ResponseEntity<OpportunityView> closeLost(@PathVariable String id,
                                                     @RequestBody OpportunityRequests.Loss request,
                                                     ExpectedVersion expected) {
        return send(id, new CloseOpportunityLost(id, request.reason(), request.note(), expected.version()));
    }

    @PostMapping("/opportunities/{id}/reopen")
    @Operation(summary = "Reopen a closed deal in an open stage")
    public ResponseEntity<OpportunityView> reopen(@PathVariable String id,
                                                  @RequestBody OpportunityRequests.Stage request,
                                                  ExpectedVersion expected) {
        return send(id, new ReopenOpportunity(id, request.stage(), expected.version()));
    }

    /** A primary contact, when given, must be one of the account's contacts. */
    private void requireContactOf(String accountId, String contactId, Viewer viewer) {
        if (contactId == null || contactId.isBlank()) {
            return;
        }
        boolean ofAccount = queries.find(new FindContact(contactId, viewer), ContactView.class)
                .filter(contact -> contact.accountId().equals(accountId)).isPresent();
        if (!ofAccount) {
            throw new InvalidFieldException("primaryContactId", "unknown-contact", "The account has no contact "
                    + contactId);
        }
    }

    private ResponseEntity<OpportunityView> send(String id, Object command) {
        return deals.send(id, command);
    }
}
