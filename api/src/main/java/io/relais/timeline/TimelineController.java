package io.relais.timeline;

import io.relais.account.AccountView;
import io.relais.account.ContactView;
import io.relais.account.FindContact;
import io.relais.common.PageRequest;
import io.relais.organisation.Viewer;
import io.relais.security.CurrentUser;
import io.relais.web.NotFoundException;
import io.relais.web.PageSize;
import io.relais.web.Queries;
import io.relais.web.RecordEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/accounts/{id}")
@Tag(name = "Timeline", description = "The 360° history of an account and of a contact")
public class TimelineController {

    private final RecordEndpoint<AccountView> accounts;
    private final Queries queries;

    public TimelineController(RecordEndpoint<AccountView> accounts, Queries queries) {
        this.accounts = accounts;
        this.queries = queries;
    }

    @GetMapping("/timeline")
    @Operation(summary = "An account's timeline", description = "Everything that happened to the account, its "
            + "contacts, the leads converted into it (their whole history, from before the conversion), the "
            + "duplicates merged into it, its deals and the activities about it (those you may see), newest first: "
            + "each entry with what changed (field, old and new value), who, when and in which request. Contact and "
            + "activity entries may hold personal data (notes).")
    public TimelinePage accountTimeline(@PathVariable String id, @ParameterObject TimelineParameters filter,
                                        @PageSize(50) PageRequest page) {
        TimelineFilter entries = filter.filter();
        accounts.visible(id);
        return queries.answer(new FindAccountTimeline(id, CurrentUser.viewer(), entries, page), TimelinePage.class);
    }

    @GetMapping("/contacts/{contactId}/timeline")
    @Operation(summary = "A contact's timeline", description = "The account timeline narrowed to one person: their "
            + "own entries (in whichever account they were), the history of the leads converted into them, of the "
            + "deals they are or were the primary contact of and of the activities about them (those you may see).")
    public TimelinePage contactTimeline(@PathVariable String id, @PathVariable String contactId,
                                        @ParameterObject TimelineParameters filter, @PageSize(50) PageRequest page) {
        TimelineFilter entries = filter.filter();
        Viewer viewer = CurrentUser.viewer();
        boolean inAccount = queries.find(new FindContact(contactId, viewer), ContactView.class)
                .filter(contact -> contact.accountId().equals(id)).isPresent();
        if (!inAccount) {
            throw new NotFoundException("Contact", contactId);
        }
        return queries.answer(new FindContactTimeline(contactId, viewer, entries, page), TimelinePage.class);
    }
}
