package io.relais.forecast;


import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/** What the history window teaches: the deals closed in it (with how far they got) and the meetings held. */
final class FunnelHistory {

    private final List<ClosedDeals> closed;
    private final int meetingsHeld;
    private final Conversion conversion;

    FunnelHistory(List<ClosedDeals> closed, int meetingsHeld, Conversion conversion) {
        this.closed = closed;
        this.meetingsHeld = meetingsHeld;
        this.conversion = conversion;
    }

    int meetingsHeld() {
        return meetingsHeld;
    }

    int won() {
        return closed.stream().filter(ClosedDeals::won).mapToInt(ClosedDeals::deals).sum();
    }

    /** How many closed deals got at least as far as the open stage at {@code index}: won deals passed them all. */
    int reached(int index) {
        return closed.stream().filter(deals -> deals.won() || deals.furthest() >= index).mapToInt(ClosedDeals::deals)
                .sum();
    }

    /** The average amount of the won deals that could be converted; null when there are none. */
    BigDecimal averageWonAmount() {
        BigDecimal total = BigDecimal.ZERO;
        int counted = 0;
        for (ClosedDeals deals : closed) {
            if (deals.won()) {
                Optional<BigDecimal> rate = conversion.rateOf(deals.currency());
                if (rate.isPresent()) {
                    total = total.add(Conversion.convert(deals.amount() == null ? BigDecimal.ZERO : deals.amount(),
                            rate.get()));
                    counted += deals.deals();
                }
            }
        }
        return counted == 0 ? null : total.divide(BigDecimal.valueOf(counted), 8, RoundingMode.HALF_EVEN);
    }
}
