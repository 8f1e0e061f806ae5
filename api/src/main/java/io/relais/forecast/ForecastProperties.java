package io.relais.forecast;

import io.relais.common.Fields;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code relais.forecasts}: the currency forecasts and dashboards report in, and how many months of history
 * the funnel learns its conversion rates from unless a request says otherwise.
 */
@ConfigurationProperties("relais.forecasts")
public record ForecastProperties(@DefaultValue("EUR") String reportingCurrency, @DefaultValue("12") int funnelMonths) {

    public ForecastProperties {
        reportingCurrency = Fields.currency("relais.forecasts.reporting-currency", reportingCurrency);
        if (funnelMonths < 1 || funnelMonths > 120) {
            throw new IllegalArgumentException("relais.forecasts.funnel-months must be 1 to 120");
        }
    }
}
