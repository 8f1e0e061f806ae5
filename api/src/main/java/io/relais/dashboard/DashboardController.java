package io.relais.dashboard;

import io.relais.common.InvalidFieldException;
import io.relais.forecast.ForecastPeriod;
import io.relais.security.CurrentUser;
import io.relais.web.NotFoundException;
import io.relais.web.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

@RestController
@RequestMapping("/api/v1/dashboards")
@Tag(name = "Dashboards", description = "Manager dashboards over a team")
public class DashboardController {

    private final Queries queries;
    private final Clock clock;

    public DashboardController(Queries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/{userId}")
    @Operation(summary = "A team's dashboard", description = "For the user and everyone below them: open pipeline by "
            + "stage and by member, deals won and lost in the period with the win rate, average deal size and sales "
            + "cycle, activities done per member and kind in the last weeks, overdue tasks, deals with no activity "
            + "for staleDays days, data quality (share of recommended fields filled in accounts, contacts and open "
            + "deals) and weekly usage (records created and changed, activities logged). A member's own line, and "
            + "their stale deals, are shown only to them and to those above them. 404 for a user whose team the "
            + "caller is not part of, above, or below.")
    public DashboardView dashboard(@PathVariable String userId,
                                   @Parameter(description = "Closed deals of: a year (2026), a quarter (2026-Q3) or "
                                           + "a month (2026-07); default the current quarter")
                                   @RequestParam(required = false) String period,
                                   @Parameter(description = "Weeks of activity and usage, the current one included "
                                           + "(1 to 52)")
                                   @RequestParam(defaultValue = "4") int weeks,
                                   @Parameter(description = "Days without activity that make an open deal stale "
                                           + "(1 to 365)")
                                   @RequestParam(defaultValue = "30") int staleDays) {
        if (weeks < 1 || weeks > 52) {
            throw new InvalidFieldException("weeks", "invalid-parameter", "weeks must be 1 to 52");
        }
        if (staleDays < 1 || staleDays > 365) {
            throw new InvalidFieldException("staleDays", "invalid-parameter", "staleDays must be 1 to 365");
        }
        ForecastPeriod closing = period == null || period.isBlank() ? currentQuarter()
                : ForecastPeriod.parse("period", period);
        return queries.find(new FindDashboard(userId, closing, weeks, staleDays, clock.instant(),
                        CurrentUser.viewer()), DashboardView.class)
                .orElseThrow(() -> NotFoundException.teamFigures(userId));
    }

    private ForecastPeriod currentQuarter() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return ForecastPeriod.parse("period", today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1));
    }
}
