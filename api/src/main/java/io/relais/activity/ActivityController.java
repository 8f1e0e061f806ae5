package io.relais.activity;

import io.relais.account.AccountView;
import io.relais.account.ContactView;
import io.relais.account.FindContact;
import io.relais.common.InvalidFieldException;
import io.relais.common.PageRequest;
import io.relais.export.ExportParameters;
import io.relais.export.ListExports;
import io.relais.opportunity.OpportunityView;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.function.BiFunction;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Activities", description = "Calls, e-mails, notes, meetings and tasks, with their reminders")
public class ActivityController {

    private final RecordEndpoint<ActivityView> activities;
    private final RecordEndpoint<AccountView> accounts;
    private final RecordEndpoint<OpportunityView> deals;
    private final Queries queries;
    private final ListExports exports;

    public ActivityController(RecordEndpoint<ActivityView> activities, RecordEndpoint<AccountView> accounts,
                              RecordEndpoint<OpportunityView> deals, Queries queries, ListExports exports) {
        this.exports = exports;
        this.activities = activities;
        this.accounts = accounts;
        this.deals = deals;
        this.queries = queries;
    }

    @PostMapping(path = "/activities/log", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Log a call, e-mail, note or meeting that happened", description = "About an account, a "
            + "contact or a deal you may see (the account is taken from the contact or the deal when absent). "
            + "Notes about a person are personal data: keep them factual.")
    public ResponseEntity<ActivityView> log(@RequestBody ActivityRequests.Log request, IdempotencyKey key) {
        return create(request, key, (id, links) -> new LogActivity(id, request.kind(), request.subject(),
                request.notes(), links, request.occurredAt()));
    }

    @PostMapping(path = "/activities/schedule", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Schedule a task or meeting", description = "Due at dueAt, for assigneeId (default you), "
            + "with a reminder at remindAt. The reminder and the overdue alert reach the assignee's alerts "
            + "(GET /alerts) even across restarts.")
    public ResponseEntity<ActivityView> schedule(@RequestBody ActivityRequests.Schedule request, IdempotencyKey key) {
        return create(request, key, (id, links) -> new ScheduleActivity(id, request.kind(),
                request.subject(), request.notes(), links, request.dueAt(), request.assigneeId(), request.remindAt()));
    }

    @GetMapping("/activities")
    @Operation(summary = "List activities", description = "Newest first; filters accountId, contactId, "
            + "opportunityId, ownerId, kind, status (OPEN, DONE, CANCELLED), dueBefore.")
    public ActivityPage list(@ParameterObject ActivityListParameters filters, PageRequest page) {
        return queries.answer(filters.query(CurrentUser.viewer(), page), ActivityPage.class);
    }

    @GetMapping(path = "/activities/export", produces = {ListExports.CSV, ListExports.NDJSON})
    @Operation(summary = "Export activities", description = "The list with its filters and order, whole, as a "
            + "file: " + ListExports.DESCRIPTION)
    public ResponseEntity<StreamingResponseBody> export(@ParameterObject ActivityListParameters filters,
                                                        @ParameterObject ExportParameters export,
                                                        HttpServletRequest request) {
        return exports.export("activities", export, request, filters.query(CurrentUser.viewer(),
                PageRequest.wholeList()), ActivityView.class);
    }

    @GetMapping("/activities/" + RecordPaths.ID)
    @Operation(summary = "Get an activity", description = "The ETag is its version, for If-Match on changes."
            + AsOfParameters.DESCRIPTION)
    public ResponseEntity<ActivityView> get(@PathVariable String id, @ParameterObject AsOfParameters past) {
        return activities.read(id, past);
    }

    @PostMapping("/activities/{id}/complete")
    @Operation(summary = "Mark a task done or a meeting held")
    public ResponseEntity<ActivityView> complete(@PathVariable String id,
                                                 @RequestBody(required = false) ActivityRequests.Completion request,
                                                 ExpectedVersion expected) {
        return activities.send(id, new CompleteActivity(id, request == null ? null : request.outcome(),
                expected.version()));
    }

    @PostMapping("/activities/{id}/cancel")
    @Operation(summary = "Cancel a task or meeting")
    public ResponseEntity<ActivityView> cancel(@PathVariable String id, ExpectedVersion expected) {
        return activities.send(id, new CancelActivity(id, expected.version()));
    }

    @PutMapping("/activities/{id}/schedule")
    @Operation(summary = "Move a task or meeting and its reminder")
    public ResponseEntity<ActivityView> reschedule(@PathVariable String id,
                                                   @RequestBody ActivityRequests.Reschedule request,
                                                   ExpectedVersion expected) {
        return activities.send(id, new RescheduleActivity(id, request.dueAt(), request.remindAt(), expected.version()));
    }

    @PutMapping("/activities/{id}/assignee")
    @Operation(summary = "Give a task or meeting to someone else")
    public ResponseEntity<ActivityView> reassign(@PathVariable String id,
                                                 @RequestBody ActivityRequests.Assignee request,
                                                 ExpectedVersion expected) {
        return activities.send(id, new ReassignActivity(id, request.assigneeId(), expected.version()));
    }

    /** Creates the activity {@code command} makes of its id and links (see {@link #links}). */
    private ResponseEntity<ActivityView> create(ActivityRequests.About request, IdempotencyKey key,
                                                BiFunction<String, ActivityLinks, Object> command) {
        ActivityLinks links = links(request);
        return activities.create(key, request, id -> command.apply(id, links));
    }

    /**
     * What the activity is about, each visible to the caller; the account comes from the contact or the deal
     * when absent, and must be theirs when given, so that the activity shows in the account's timeline.
     */
    private ActivityLinks links(ActivityRequests.About request) {
        Viewer viewer = CurrentUser.viewer();
        ActivityLinks links = new ActivityLinks(request.accountId(), request.contactId(),
                request.opportunityId()).validated();
        String account = links.accountId();
        if (links.contactId() != null) {
            ContactView contact = queries.find(new FindContact(links.contactId(), viewer), ContactView.class)
                    .orElseThrow(() -> new InvalidFieldException("contactId", "unknown-contact",
                            "No contact you may see has the id " + links.contactId()));
            account = sameAccount(account, contact.accountId(), "contactId");
        }
        if (links.opportunityId() != null) {
            OpportunityView deal = deals.named("opportunityId", links.opportunityId());
            account = sameAccount(account, deal.accountId(), "opportunityId");
        }
        return new ActivityLinks(accounts.named("accountId", account).id(), links.contactId(), links.opportunityId());
    }

    private static String sameAccount(String account, String ofLinked, String field) {
        if (account != null && !account.equals(ofLinked)) {
            throw new InvalidFieldException(field, "other-account", field + " belongs to another account");
        }
        return ofLinked;
    }
}
