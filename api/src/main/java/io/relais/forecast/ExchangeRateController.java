package io.relais.forecast;

import io.relais.common.PageRequest;
import io.relais.organisation.Viewer;
import io.relais.web.NotFoundException;
import io.relais.web.Queries;
import io.relais.web.QueryParameters;
import io.relais.web.RecordEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Locale;

@RestController
@RequestMapping("/api/v1/exchange-rates")
@Tag(name = "Forecasts", description = "Forecasts, funnels, targets and exchange rates")
public class ExchangeRateController {

    private final RecordEndpoint<CurrencyRates> rates;
    private final Queries queries;

    public ExchangeRateController(RecordEndpoint<CurrencyRates> rates, Queries queries) {
        this.rates = rates;
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List exchange rates", description = "Every rate into the reporting currency, by currency "
            + "and the day it takes effect; paged.")
    public ExchangeRatePage list(PageRequest page) {
        return queries.answer(new FindExchangeRates(page), ExchangeRatePage.class);
    }

    @GetMapping("/{currency}")
    @Operation(summary = "The rates of one currency", description = "404 when it has none.")
    public CurrencyRates get(@PathVariable String currency) {
        return rates.find(normalised(currency), Viewer.system())
                .orElseThrow(() -> new NotFoundException("Exchange rates", currency));
    }

    @PutMapping(path = "/{currency}/{validFrom}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set a rate", description = "Administrators. From validFrom on (until the currency's next "
            + "rate), one unit of the currency is worth rate units of the reporting currency (relais.forecasts."
            + "reporting-currency). Setting the same day again corrects it; every setting is kept in the history.")
    public ResponseEntity<CurrencyRates> set(@PathVariable String currency, @PathVariable String validFrom,
                                             @RequestBody ForecastRequests.Rate request) {
        LocalDate from = QueryParameters.date("validFrom", validFrom).orElseThrow();
        return rates.send(normalised(currency), SetExchangeRate.of(currency, from, request.rate()));
    }

    private static String normalised(String currency) {
        return currency.strip().toUpperCase(Locale.ROOT);
    }
}
