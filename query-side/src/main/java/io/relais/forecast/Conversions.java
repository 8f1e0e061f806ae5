package io.relais.forecast;

import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** Conversions into the reporting currency at the exchange rates in force on a day. */
@Component
public class Conversions {

    private final ForecastRepository repository;
    private final ReportingCurrency reportingCurrency;

    Conversions(ForecastRepository repository, ReportingCurrency reportingCurrency) {
        this.repository = repository;
        this.reportingCurrency = reportingCurrency;
    }

    public Conversion on(LocalDate day) {
        return new Conversion(reportingCurrency.code(), repository.ratesOn(reportingCurrency.code(), day));
    }
}
