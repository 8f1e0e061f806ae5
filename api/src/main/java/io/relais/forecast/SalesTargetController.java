package io.relais.forecast;

import io.relais.common.PageRequest;
import io.relais.organisation.Viewer;
import io.relais.security.CurrentUser;
import io.relais.web.NotFoundException;
import io.relais.web.Queries;
import io.relais.web.QueryParameters;
import io.relais.web.RecordEndpoints;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Optional;

@RestController
@RequestMapping("/api/v1/targets")
@Tag(name = "Forecasts", description = "Forecasts, funnels, targets and exchange rates")
public class SalesTargetController {

    private final RecordEndpoints endpoints;
    private final Queries queries;

    public SalesTargetController(RecordEndpoints endpoints, Queries queries) {
        this.endpoints = endpoints;
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List targets", description = "Yours, and those of the people below and above you (a "
            + "target is its team's figure; everyone's for profiles that see everything), optionally of one period "
            + "(2026, 2026-Q3, 2026-07) or user; by user and period, paged.")
    public SalesTargetPage list(@RequestParam(required = false) String period,
                                @RequestParam(required = false) String userId,
                                PageRequest page) {
        String label = period == null || period.isBlank() ? null : ForecastPeriod.parse("period", period).label();
        return queries.answer(new FindSalesTargets(label, QueryParameters.text(userId), CurrentUser.viewer(),
                page), SalesTargetPage.class);
    }

    @GetMapping("/{userId}/{period}")
    @Operation(summary = "A user's target for a period", description = "404 when none is set or it is not yours to see.")
    public SalesTargetView get(@PathVariable String userId, @PathVariable String period) {
        String label = ForecastPeriod.parse("period", period).label();
        return find(userId, label, CurrentUser.viewer()).orElseThrow(() -> new NotFoundException("Target", userId + " " + label));
    }

    @PutMapping(path = "/{userId}/{period}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set a target", description = "Administrators, and the managers above the user. The revenue "
            + "the user (with their team, for a manager) should close in the period, in the reporting currency.")
    public ResponseEntity<SalesTargetView> set(@PathVariable String userId, @PathVariable String period,
                                               @RequestBody ForecastRequests.Target request) {
        String label = ForecastPeriod.parse("period", period).label();
        return endpoints.sendAndAnswer(SetSalesTarget.of(userId, label, request.amount()),
                UriComponentsBuilder.fromPath("/api/v1/targets/{userId}/{period}").encode()
                        .buildAndExpand(userId, label).toUri(), viewer -> find(userId, label, viewer),
                SalesTargetView::version);
    }

    private Optional<SalesTargetView> find(String userId, String period, Viewer viewer) {
        return queries.find(new FindSalesTarget(userId, period, viewer), SalesTargetView.class);
    }
}
