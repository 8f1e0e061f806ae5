package io.relais.forecast;

import java.math.BigDecimal;

/** Bodies of the forecast reference-data requests. */
final class ForecastRequests {

    private ForecastRequests() {
    }

    /** One unit of the currency is worth {@code rate} units of the reporting currency. */
    record Rate(BigDecimal rate) {
    }

    /** A target in the reporting currency. */
    record Target(BigDecimal amount) {
    }
}
