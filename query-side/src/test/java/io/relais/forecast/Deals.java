package io.relais.forecast;

import io.relais.opportunity.SalesStage;
import io.relais.opportunity.SalesStages;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Deals, closed deals and conversions for the forecast figure tests; amounts are in EUR, the reporting currency. */
final class Deals {

    static final String REPORTING = "EUR";

    private Deals() {
    }

    /** A deal won in the period, already in the reporting currency; margin may be null (a cost unknown). */
    static ConvertedDeal won(String amount, String margin) {
        return converted(snapshot("NEGOTIATION", 100, "CLOSED", "WON", amount, margin), amount, margin);
    }

    /** An open deal of a category, already in the reporting currency; margin may be null (a cost unknown). */
    static ConvertedDeal open(String category, int probability, String amount, String margin) {
        return converted(snapshot("PROPOSAL", probability, category, "OPEN", amount, margin), amount, margin);
    }

    /** An open deal in a stage, counted in the pipeline, without margin. */
    static ConvertedDeal openIn(String stage, int probability, String amount) {
        return converted(snapshot(stage, probability, "PIPELINE", "OPEN", amount, null), amount, null);
    }

    /** Open deals in a stage, each of the same amount, {@code total} together. */
    static ConvertedDeal openIn(String stage, int probability, int deals, String total) {
        return converted(new DealGroup("rep", REPORTING, "OPEN", stage, probability, "PIPELINE", deals,
                decimal(total), null, 0), total, null);
    }

    static ConvertedDeal omittedIn(String stage, int probability, String amount) {
        return converted(snapshot(stage, probability, "OMITTED", "OPEN", amount, null), amount, null);
    }

    static ConvertedDeal converted(DealGroup deal, String amount, String margin) {
        return new ConvertedDeal(deal, decimal(amount), decimal(margin));
    }

    /** One deal. */
    static DealGroup snapshot(String stage, int probability, String category, String status, String amount,
                              String margin) {
        return new DealGroup("rep", REPORTING, status, stage, probability, category, 1, decimal(amount),
                decimal(margin), margin == null ? 0 : 1);
    }

    static ClosedDeals closedWon(String amount, String... stages) {
        return new ClosedDeals(true, REPORTING, furthest(stages), 1, decimal(amount));
    }

    /** A deal won in another currency than the reporting one, with no stage recorded. */
    static ClosedDeals closedWonIn(String currency, String amount) {
        return new ClosedDeals(true, currency, -1, 1, decimal(amount));
    }

    static ClosedDeals closedLost(String... stages) {
        return new ClosedDeals(false, REPORTING, furthest(stages), 1, new BigDecimal("100"));
    }

    /** The position of the furthest of the stages among the default ones, as the repository reads it; -1 for none. */
    static int furthest(String... stages) {
        List<String> names = SalesStages.defaults().open().stream().map(SalesStage::name).toList();
        return Arrays.stream(stages).mapToInt(names::indexOf).max().orElse(-1);
    }

    /** A conversion into EUR with rates given as currency, rate, currency, rate... */
    static Conversion conversion(String... currencyAndRate) {
        Map<String, ExchangeRateView> rates = new HashMap<>();
        for (int i = 0; i < currencyAndRate.length; i += 2) {
            rates.put(currencyAndRate[i], rate(currencyAndRate[i], currencyAndRate[i + 1]));
        }
        return new Conversion(REPORTING, rates);
    }

    static ExchangeRateView rate(String currency, String rate) {
        return new ExchangeRateView(currency, LocalDate.of(2026, 1, 1), new BigDecimal(rate), REPORTING, 0,
                Instant.parse("2026-01-01T00:00:00Z"), "admin");
    }

    static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
