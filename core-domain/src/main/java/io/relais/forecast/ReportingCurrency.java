package io.relais.forecast;

/** The currency forecasts are reported in; every other currency needs exchange rates into it. */
public record ReportingCurrency(String code) {
}
