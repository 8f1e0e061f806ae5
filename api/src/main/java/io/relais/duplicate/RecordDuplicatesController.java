package io.relais.duplicate;

import io.relais.account.AccountView;
import io.relais.account.DismissAccountDuplicate;
import io.relais.lead.DismissLeadDuplicate;
import io.relais.lead.LeadView;
import io.relais.security.CurrentUser;
import io.relais.web.Answer;
import io.relais.web.Queries;
import io.relais.web.RecordEndpoint;
import io.relais.web.RecordEndpoints;
import io.swagger.v3.oas.models.OpenAPI;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A lead's or an account's likely duplicates, and the dismissal of one (answered once the duplicates list leaves
 * the pair out, or 202 past the read-your-writes bound): the same two routes serve both kinds, the kind taken from
 * the path. Each path keeps its own operation in the API description ({@link #customise}).
 */
@RestController
public class RecordDuplicatesController implements OpenApiCustomizer {

    private static final String LEADS = "/api/v1/leads/{id}/duplicates";
    private static final String ACCOUNTS = "/api/v1/accounts/{id}/duplicates";
    private static final String DISMISS = "/dismiss";

    /** What each path's operation is in the API description. */
    private record Described(String tag, String operationId, String summary, String description) {
    }

    private static final Map<String, Described> DESCRIBED = Map.of(
            LEADS, new Described("Leads", "leadDuplicates", "What a lead may already be", "Leads, accounts and "
                    + "contacts you may see that look like the same person or company, most likely first, with "
                    + "their score (0 to 1) and reasons."),
            ACCOUNTS, new Described("Accounts", "accountDuplicates", "An account's likely duplicates", "Accounts "
                    + "you may see that look like the same company, most likely first, with their score (0 to 1) "
                    + "and reasons; dismissed ones included."),
            LEADS + DISMISS, new Described("Leads", "dismissLeadDuplicate", "Dismiss a proposed duplicate",
                    "Records that otherId is not a duplicate of this lead: the pair leaves the duplicates list. "
                            + "204 once it has."),
            ACCOUNTS + DISMISS, new Described("Accounts", "dismissAccountDuplicate", "Dismiss a proposed duplicate",
                    "Records that otherId is not a duplicate of this account: the pair leaves the duplicates list. "
                            + "204 once it has."));

    /**
     * What differs between the kinds: how a record is found as the caller sees it, its likely duplicates and the
     * command that dismisses one.
     */
    private record Kind<V>(RecordKind kind, RecordEndpoint<V> records, Function<V, String> idOf,
                           BiFunction<String, V, List<DuplicateMatch>> likely,
                           BiFunction<String, String, Object> dismissal) {

        List<DuplicateMatch> duplicates(String id) {
            return likely.apply(id, records.visible(id));
        }

        /** The id of the record a dismissal names as not a duplicate of {@code id}; both must be visible. */
        String other(String id, String otherId) {
            records.visible(id);
            return idOf.apply(records.named("otherId", otherId));
        }
    }

    private final Kind<LeadView> leads;
    private final Kind<AccountView> accounts;
    private final RecordEndpoints endpoints;
    private final Queries queries;

    public RecordDuplicatesController(RecordEndpoint<LeadView> leads, RecordEndpoint<AccountView> accounts,
                                      PossibleDuplicates possibleDuplicates, RecordEndpoints endpoints,
                                      Queries queries) {
        this.leads = new Kind<>(RecordKind.LEAD, leads, LeadView::id,
                (id, lead) -> possibleDuplicates.ofLead(id, lead.details(), CurrentUser.viewer()),
                DismissLeadDuplicate::new);
        this.accounts = new Kind<>(RecordKind.ACCOUNT, accounts, AccountView::id,
                (id, account) -> possibleDuplicates.ofAccount(id, account.details(), CurrentUser.viewer()),
                DismissAccountDuplicate::new);
        this.endpoints = endpoints;
        this.queries = queries;
    }

    @GetMapping({LEADS, ACCOUNTS})
    public List<DuplicateMatch> duplicates(@PathVariable String id, HttpServletRequest request) {
        return kindOf(request).duplicates(id);
    }

    @PostMapping({LEADS + DISMISS, ACCOUNTS + DISMISS})
    @Answer(status = 204, body = false)
    @Answer(status = 202, body = false)
    public ResponseEntity<Void> dismissDuplicate(@PathVariable String id, @RequestBody DismissDuplicateRequest body,
                                                 HttpServletRequest request) {
        Kind<?> kind = kindOf(request);
        String otherId = kind.other(id, body.otherId());
        endpoints.send(kind.dismissal().apply(id, otherId));
        boolean shown = endpoints.await(() -> queries.find(new FindDuplicateDismissal(kind.kind(), id, otherId),
                Instant.class), dismissedAt -> true).isPresent();
        return shown ? ResponseEntity.noContent().build() : ResponseEntity.accepted().build();
    }

    private Kind<?> kindOf(HttpServletRequest request) {
        String route = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return route.startsWith(LEADS) ? leads : accounts;
    }

    @Override
    public void customise(OpenAPI api) {
        DESCRIBED.forEach((path, described) -> api.getPaths().get(path).readOperations().forEach(operation -> {
            operation.setTags(List.of(described.tag()));
            operation.setOperationId(described.operationId());
            operation.setSummary(described.summary());
            operation.setDescription(described.description());
        }));
    }
}
