package io.relais.customerfeed;

import io.relais.common.InvalidFieldException;
import io.relais.web.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The customer feed the ERP pulls (docs/feeds.md). */
@RestController
@RequestMapping("/api/v1/feeds/customers")
@Tag(name = "Feeds", description = "What other systems pull from the engine, by position")
public class CustomerFeedController {

    private static final int MAX_LIMIT = 1000;

    private final Queries queries;

    public CustomerFeedController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('DATA_STEWARD', 'ADMINISTRATOR')")
    @Operation(summary = "The customer feed, for the ERP", description = "Data stewards (an ERP sync signs in as one) "
            + "and administrators. Entries after a feed position, oldest first: accounts becoming customers "
            + "(CUSTOMER), their link to the ERP (ERP_LINKED), changes to their ERP-mastered fields "
            + "(ERP_FIELDS_CHANGED, each field before and after), customers merged into another account "
            + "(CUSTOMER_MERGED), won deals with their lines (DEAL_WON); each with the account's status, ERP id and "
            + "ERP-mastered fields right after, who and when, and the event's id for de-duplication. Poll again with "
            + "after = next: an entry never appears below a position already served, and positions never change, "
            + "rebuilds included.")
    public CustomerFeed feed(
            @Parameter(description = "Entries after this feed position (default 0: from the first)")
            @RequestParam(required = false) Long after,
            @Parameter(description = "At most this many entries, 1 to 1000 (default 100)")
            @RequestParam(required = false) Integer limit) {
        long from = after == null ? 0 : after;
        if (from < 0) {
            throw new InvalidFieldException("after", "invalid-parameter", "after must be a feed position, 0 or more");
        }
        int most = limit == null ? 100 : limit;
        if (most < 1 || most > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "invalid-parameter", "limit must be 1 to " + MAX_LIMIT);
        }
        return queries.answer(new FindCustomerFeed(from, most), CustomerFeed.class);
    }
}
