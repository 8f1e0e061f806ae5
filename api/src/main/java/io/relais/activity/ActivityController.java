package io.relais.activity;

import io.relais.account.AccountView;
import io.relais.account.ContactView;
import io.relais.account.FindAccount;
import io.relais.account.FindContact;
import io.relais.common.InvalidFieldException;
import io.relais.common.PageRequest;
import io.relais.opportunity.FindOpportunity;
import io.relais.opportunity.OpportunityView;
import io.relais.organisation.Viewer;
import io.relais.security.CurrentUser;
import io.relais.web.IdempotencyKeys;
import io.relais.web.NotFoundException;
import io.relais.web.QueryParameters;
import io.relais.web.ReadYourWrites;
import io.relais.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Optional;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Activities", description = "Calls, e-mails, notes, meetings and tasks; reminders and overdue alerts")
public class ActivityController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final IdempotencyKeys idempotencyKeys;

    public ActivityController(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites,
                              IdempotencyKeys idempotencyKeys) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.idempotencyKeys = idempotencyKeys;
    }

    @PostMapping(path = "/activities/log", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Log a call, e-mail, note or meeting that happened", description = "About an account, a "
            + "contact or a deal you may see (the account is taken from the contact or the deal when absent). "
            + "Notes about a person are personal data: keep them factual.")
    public ResponseEntity<ActivityView> log(@RequestBody ActivityRequests.Log request,
                                            @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                                            String idempotencyKey) {
        ActivityLinks links = links(request.accountId(), request.contactId(), request.opportunityId());
        String id = idempotencyKeys.newId("activity", CurrentUser.id(), idempotencyKey);
        return create(id, new LogActivity(id, request.kind(), request.subject(), request.notes(), links,
                request.occurredAt()), idempotencyKey, request);
    }

    @PostMapping(path = "/activities/schedule", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Schedule a task or meeting", description = "Due at dueAt, for assigneeId (default you), "
            + "with a reminder at remindAt. The reminder and the overdue alert reach the assignee's alerts "
            + "(GET /alerts) even across restarts.")
    public ResponseEntity<ActivityView> schedule(@RequestBody ActivityRequests.Schedule request,
                                                 @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                                                 String idempotencyKey) {
        ActivityLinks links = links(request.accountId(), request.contactId(), request.opportunityId());
        String id = idempotencyKeys.newId("activity", CurrentUser.id(), idempotencyKey);
        return create(id, new ScheduleActivity(id, request.kind(), request.subject(), request.notes(), links,
                request.dueAt(), request.assigneeId(), request.remindAt()), idempotencyKey, request);
    }

    @GetMapping("/activities")
    @Operation(summary = "List activities", description = "Newest first; filters accountId, contactId, "
            + "opportunityId, ownerId, kind, status (OPEN, DONE, CANCELLED), dueBefore.")
    public ActivityPage list(@RequestParam(required = false) String accountId,
                             @RequestParam(required = false) String contactId,
                             @RequestParam(required = false) String opportunityId,
                             @RequestParam(required = false) String ownerId,
                             @RequestParam(required = false) ActivityKind kind,
                             @RequestParam(required = false) ActivityStatus status,
                             @Parameter(description = "Due before: " + QueryParameters.INSTANT)
                             @RequestParam(required = false) String dueBefore,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "20") int size) {
        return queries.query(new FindActivities(CurrentUser.viewer(), QueryParameters.text(accountId),
                QueryParameters.text(contactId), QueryParameters.text(opportunityId), QueryParameters.text(ownerId),
                kind, status, QueryParameters.instant("dueBefore", dueBefore).orElse(null),
                new PageRequest(page, size)), ActivityPage.class).join();
    }

    @GetMapping("/activities/{id}")
    @Operation(summary = "Get an activity")
    public ResponseEntity<ActivityView> get(@PathVariable String id) {
        ActivityView activity = find(id, CurrentUser.viewer()).orElseThrow(() -> new NotFoundException("Activity", id));
        return ResponseEntity.ok().eTag(Versions.etag(activity.version())).body(activity);
    }

    @PostMapping("/activities/{id}/complete")
    @Operation(summary = "Mark a task done or a meeting held")
    public ResponseEntity<ActivityView> complete(@PathVariable String id,
                                                 @RequestBody(required = false) ActivityRequests.Completion request,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                                 String ifMatch) {
        return send(id, new CompleteActivity(id, request == null ? null : request.outcome(),
                Versions.expected(ifMatch)));
    }

    @PostMapping("/activities/{id}/cancel")
    @Operation(summary = "Cancel a task or meeting")
    public ResponseEntity<ActivityView> cancel(@PathVariable String id,
                                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                               String ifMatch) {
        return send(id, new CancelActivity(id, Versions.expected(ifMatch)));
    }

    @PutMapping("/activities/{id}/schedule")
    @Operation(summary = "Move a task or meeting and its reminder")
    public ResponseEntity<ActivityView> reschedule(@PathVariable String id,
                                                   @RequestBody ActivityRequests.Reschedule request,
                                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                                   String ifMatch) {
        return send(id, new RescheduleActivity(id, request.dueAt(), request.remindAt(), Versions.expected(ifMatch)));
    }

    @PutMapping("/activities/{id}/assignee")
    @Operation(summary = "Give a task or meeting to someone else")
    public ResponseEntity<ActivityView> reassign(@PathVariable String id, @RequestBody ActivityRequests.Assignee request,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                                 String ifMatch) {
        return send(id, new ReassignActivity(id, request.assigneeId(), Versions.expected(ifMatch)));
    }

    @GetMapping("/alerts")
    @Operation(summary = "Your alerts", description = "Reminders that came due and tasks or meetings gone overdue, "
            + "newest first.")
    public AlertPage alerts(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return queries.query(new FindAlerts(CurrentUser.id(), new PageRequest(page, size)), AlertPage.class).join();
    }

    /**
     * What the activity is about, each visible to the caller; the account comes from the contact or the deal
     * when absent, and must be theirs when given, so that the activity shows in the account's timeline.
     */
    private ActivityLinks links(String accountId, String contactId, String opportunityId) {
        Viewer viewer = CurrentUser.viewer();
        ActivityLinks links = new ActivityLinks(accountId, contactId, opportunityId).validated();
        String account = links.accountId();
        if (links.contactId() != null) {
            ContactView contact = queries.query(new FindContact(links.contactId(), viewer),
                    ResponseTypes.optionalInstanceOf(ContactView.class)).join().orElseThrow(() -> unknown("contactId",
                    "contact", links.contactId()));
            account = sameAccount(account, contact.accountId(), "contactId");
        }
        if (links.opportunityId() != null) {
            OpportunityView deal = queries.query(new FindOpportunity(links.opportunityId(), viewer),
                    ResponseTypes.optionalInstanceOf(OpportunityView.class)).join().orElseThrow(() -> unknown(
                    "opportunityId", "opportunity", links.opportunityId()));
            account = sameAccount(account, deal.accountId(), "opportunityId");
        }
        String linkedAccount = account;
        if (queries.query(new FindAccount(linkedAccount, viewer), ResponseTypes.optionalInstanceOf(AccountView.class))
                .join().isEmpty()) {
            throw unknown("accountId", "account", linkedAccount);
        }
        return new ActivityLinks(linkedAccount, links.contactId(), links.opportunityId());
    }

    private static String sameAccount(String account, String ofLinked, String field) {
        if (account != null && !account.equals(ofLinked)) {
            throw new InvalidFieldException(field, "other-account", field + " belongs to another account");
        }
        return ofLinked;
    }

    private static InvalidFieldException unknown(String field, String what, String id) {
        return new InvalidFieldException(field, "unknown-" + what, "No " + what + " you may see has the id " + id);
    }

    private ResponseEntity<ActivityView> create(String id, Object command, String idempotencyKey, Object request) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(idempotencyKeys.metadata(idempotencyKey, request)));
        } catch (AggregateStreamCreationException e) {
            if (idempotencyKey == null) {
                throw e;
            }
            idempotencyKeys.requireSameRequest(id, idempotencyKey, request);
        }
        return respond(HttpStatus.CREATED, id, 0);
    }

    private ResponseEntity<ActivityView> send(String id, Object command) {
        long version = commands.<Long>sendAndWait(command);
        return respond(HttpStatus.OK, id, version);
    }

    private ResponseEntity<ActivityView> respond(HttpStatus status, String id, long version) {
        return readYourWrites.answer(status, URI.create("/api/v1/activities/" + id), version,
                viewer -> find(id, viewer), ActivityView::version, activity -> activity);
    }

    private Optional<ActivityView> find(String id, Viewer viewer) {
        return queries.query(new FindActivity(id, viewer), ResponseTypes.optionalInstanceOf(ActivityView.class)).join();
    }
}
