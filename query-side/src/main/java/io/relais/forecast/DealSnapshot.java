package io.relais.forecast;

import java.math.BigDecimal;

/** A deal's version in force at the forecast's moment, as the history recorded it. */
record DealSnapshot(String opportunityId, String ownerId, String currency, BigDecimal amount, BigDecimal margin,
                    String stage, int probability, String category, String status) {

    boolean won() {
        return "WON".equals(status);
    }

    boolean open() {
        return "OPEN".equals(status);
    }
}
