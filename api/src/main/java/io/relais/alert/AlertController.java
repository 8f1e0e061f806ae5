package io.relais.alert;

import io.relais.account.AccountView;
import io.relais.common.ConflictException;
import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import io.relais.common.NotPermittedException;
import io.relais.common.PageRequest;
import io.relais.lead.LeadView;
import io.relais.opportunity.OpportunityView;
import io.relais.organisation.OrganisationDirectory;
import io.relais.organisation.UserStanding;
import io.relais.security.CurrentUser;
import io.relais.web.Answer;
import io.relais.web.NotFoundException;
import io.relais.web.Queries;
import io.relais.web.RecordEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Alerts", description = "Following records and people; alerts of their changes, reminders and overdue "
        + "tasks")
public class AlertController {

    /** Each follow is looked at on every read of the alerts: this many keeps that read quick. */
    static final int MAX_FOLLOWS = 200;
    private static final String FOLLOWED = "kind is LEAD, ACCOUNT or OPPORTUNITY with the id of a record you may "
            + "see, or USER with the id of someone below you in the reporting line (anyone but you for the profiles "
            + "that see everything).";

    private final Followings followings;
    private final AlertReadMarks readMarks;
    private final Queries queries;
    private final RecordEndpoint<LeadView> leads;
    private final RecordEndpoint<AccountView> accounts;
    private final RecordEndpoint<OpportunityView> deals;
    private final OrganisationDirectory directory;
    private final Clock clock;

    public AlertController(Followings followings, AlertReadMarks readMarks, Queries queries,
                           RecordEndpoint<LeadView> leads, RecordEndpoint<AccountView> accounts,
                           RecordEndpoint<OpportunityView> deals, OrganisationDirectory directory, Clock clock) {
        this.followings = followings;
        this.readMarks = readMarks;
        this.queries = queries;
        this.leads = leads;
        this.accounts = accounts;
        this.deals = deals;
        this.directory = directory;
        this.clock = clock;
    }

    @PutMapping("/follows/{kind}/{id}")
    @Operation(summary = "Follow a record, or a user's records", description = FOLLOWED + " From now on, what "
            + "others change in it reaches your alerts: in a lead, account or deal and in the records whose histories "
            + "are part of its (an account's contacts, deals and activities; a deal's activities), in every lead, "
            + "account and deal the user owns. 404 for a record you may not see, 403 for a user not below you. "
            + "Following again changes nothing. At most " + MAX_FOLLOWS + " follows (409 too-many-follows).")
    public Follow follow(@PathVariable String kind, @PathVariable String id) {
        Following.Key key = key(kind, id);
        checkFollowable(key);
        return followings.findById(key).orElseGet(() -> {
            if (followings.countByIdUserId(key.userId()) >= MAX_FOLLOWS) {
                throw new ConflictException("id", "too-many-follows", "You follow " + MAX_FOLLOWS
                        + " records and users already, the most one may: stop following one first");
            }
            // as PostgreSQL keeps it, so that following again answers the same instant
            return followings.save(new Following(key, clock.instant().truncatedTo(ChronoUnit.MICROS)));
        }).follow();
    }

    @GetMapping("/follows/{kind}/{id}")
    @Operation(summary = "Whether you follow a record or a user's records", description = "Your follow, since when; "
            + "404 when you do not follow it.")
    public Follow following(@PathVariable String kind, @PathVariable String id) {
        return followings.findById(key(kind, id)).map(Following::follow)
                .orElseThrow(() -> new NotFoundException("Follow", kind + "/" + id));
    }

    @DeleteMapping("/follows/{kind}/{id}")
    @Operation(summary = "Stop following a record or a user's records", description = "Its changes reach your "
            + "alerts no more; those already there go with them. Done too when you did not follow it.")
    @Answer(status = 204, body = false)
    public ResponseEntity<Void> unfollow(@PathVariable String kind, @PathVariable String id) {
        followings.deleteById(key(kind, id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/follows")
    @Operation(summary = "What you follow", description = "Most recently followed first.")
    public FollowPage follows(PageRequest page) {
        var found = followings.findByIdUserIdOrderByFollowedAtDescIdFollowedIdAsc(CurrentUser.id(),
                Pageable.ofSize(page.size()).withPage(page.page()));
        return new FollowPage(found.map(Following::follow).getContent(), page.page(), page.size(),
                found.getTotalElements());
    }

    @GetMapping("/alerts")
    @Operation(summary = "Your alerts", description = "Newest first (by position in the store): reminders that came "
            + "due and tasks or meetings of yours gone overdue (REMINDER, OVERDUE), and the changes others made to "
            + "what you follow since you followed it (CHANGE), each with the event as the 360° timeline tells it "
            + "(who, on whose behalf, when, what changed) and what you follow that it concerns. A change shows only "
            + "while you may see its record: one reassigned out of your sight leaves your alerts. read says whether "
            + "you marked it read (POST /alerts/read).")
    public AlertPage alerts(@Parameter(description = "Only the alerts after your read mark")
                            @RequestParam(defaultValue = "false") boolean unread, PageRequest page) {
        return alerts(unread, page, readUpTo(CurrentUser.id()));
    }

    @PostMapping("/alerts/read")
    @Operation(summary = "Mark your alerts read", description = "Up to the alert at position upTo, or up to the "
            + "newest one without it; a mark never moves back. 400 for a position after your newest alert.")
    public ReadMark markRead(@RequestBody(required = false) MarkReadRequest request) {
        String userId = CurrentUser.id();
        long readUpTo = readUpTo(userId);
        List<Alert> newest = alerts(false, new PageRequest(0, 1), readUpTo).content();
        long newestPosition = newest.isEmpty() ? 0 : newest.get(0).position();
        Long upTo = request == null ? null : request.upTo();
        if (upTo != null && (upTo < 0 || upTo > newestPosition)) {
            throw new InvalidFieldException("upTo", "invalid-position", "upTo must be the position of one of your "
                    + "alerts, " + newestPosition + " at most (got " + upTo + ")");
        }
        long position = upTo == null ? newestPosition : upTo;
        if (position > readUpTo) {
            readMarks.markRead(userId, position);
        }
        return new ReadMark(readUpTo(userId));
    }

    private AlertPage alerts(boolean unread, PageRequest page, long readUpTo) {
        List<Follow> follows = followings.findByIdUserId(CurrentUser.id()).stream().map(Following::follow).toList();
        return queries.answer(new FindAlerts(CurrentUser.viewer(), follows, readUpTo, unread, page), AlertPage.class);
    }

    private long readUpTo(String userId) {
        return readMarks.findById(userId).map(AlertReadMark::readUpTo).orElse(0L);
    }

    private static Following.Key key(String kind, String id) {
        return new Following.Key(CurrentUser.id(), Fields.present("kind", Fields.enumValue("kind", kind,
                FollowedKind.class)), Fields.exactIdentifier("id", id));
    }

    /** 404 for a record the caller may not see, or a user who is not an active one; 403 for a user not below them. */
    private void checkFollowable(Following.Key key) {
        switch (key.kind()) {
            case LEAD -> leads.visible(key.followedId());
            case ACCOUNT -> accounts.visible(key.followedId());
            case OPPORTUNITY -> deals.visible(key.followedId());
            case USER -> {
                UserStanding standing = directory.standing(key.userId(), key.followedId())
                        .filter(found -> found.ownerProfile() != null)
                        .orElseThrow(() -> new NotFoundException("User", key.followedId()));
                if (key.followedId().equals(key.userId())
                        || !(standing.ownerInReach() || standing.actorProfile().seesEverything())) {
                    throw new NotPermittedException("You may follow the records of the people below you in the "
                            + "reporting line only");
                }
            }
        }
    }
}
