package io.relais.forecast;

import io.relais.common.InvalidFieldException;
import io.relais.security.CurrentUser;
import io.relais.web.NotFoundException;
import io.relais.web.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

@RestController
@RequestMapping("/api/v1/forecasts/{userId}")
@Tag(name = "Forecasts", description = "Forecasts, funnels, targets and exchange rates")
public class ForecastController {

    private final Queries queries;
    private final ForecastProperties properties;
    private final Clock clock;

    public ForecastController(Queries queries, ForecastProperties properties, Clock clock) {
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "A user's forecast", description = "The deals of the user's whole team (the user and "
            + "everyone below them) won in the period or expected to close in it, by forecast category, with the "
            + "weighted pipeline and margins, in the reporting currency, against the target. One line per member: "
            + "a member's own figures are shown only to them and to those above them, so a rep sees the team's "
            + "total and their own line. 404 for a user whose team the caller is not part of, above, or below.")
    public ForecastView forecast(@PathVariable String userId, @ParameterObject ForecastParameters figures) {
        return queries.find(new FindForecast(userId, figures.forecastPeriod(), figures.asOf(clock.instant()),
                        CurrentUser.viewer()), ForecastView.class)
                .orElseThrow(() -> NotFoundException.teamFigures(userId));
    }

    @GetMapping("/funnel")
    @Operation(summary = "A team's funnel and projected result", description = "Conversion rates learnt from the "
            + "deals closed and the meetings held in the months before asOf (from stage to won, stage to stage, "
            + "meetings to won deals, with the counts behind each), applied to the period's open deals and booked "
            + "meetings: the projected result and the probability of reaching the target. Same visibility as the "
            + "forecast.")
    public FunnelView funnel(@PathVariable String userId, @ParameterObject ForecastParameters figures,
                             @Parameter(description = "Months of history the rates are learnt from (1 to 120; "
                                     + "default relais.forecasts.funnel-months)")
                             @RequestParam(required = false) Integer months) {
        int window = months == null ? properties.funnelMonths() : months;
        if (window < 1 || window > 120) {
            throw new InvalidFieldException("months", "invalid-parameter", "months must be 1 to 120");
        }
        return queries.find(new FindFunnel(userId, figures.forecastPeriod(), figures.asOf(clock.instant()), window,
                        CurrentUser.viewer()), FunnelView.class)
                .orElseThrow(() -> NotFoundException.teamFigures(userId));
    }
}
