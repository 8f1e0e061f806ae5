package io.relais.forecast;

import io.relais.opportunity.SalesStage;
import io.relais.opportunity.SalesStages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/** What the history window teaches: the deals closed in it (with their stages) and the meetings held. */
final class FunnelHistory {

    private final List<ClosedDeal> closed;
    private final int meetingsHeld;
    private final Conversion conversion;

    FunnelHistory(List<ClosedDeal> closed, int meetingsHeld, Conversion conversion) {
        this.closed = closed;
        this.meetingsHeld = meetingsHeld;
        this.conversion = conversion;
    }

    int meetingsHeld() {
        return meetingsHeld;
    }

    int won() {
        return (int) closed.stream().filter(ClosedDeal::won).count();
    }

    /** How many closed deals got at least as far as the open stage at {@code index}: won deals passed them all. */
    int reached(SalesStages stages, int index) {
        return (int) closed.stream().filter(deal -> furthest(stages, deal) >= index).count();
    }

    int wonHaving(SalesStages stages, int index) {
        return (int) closed.stream().filter(ClosedDeal::won).filter(deal -> furthest(stages, deal) >= index).count();
    }

    /** The average amount of the won deals that could be converted; null when there are none. */
    BigDecimal averageWonAmount() {
        BigDecimal total = BigDecimal.ZERO;
        int counted = 0;
        for (ClosedDeal deal : closed) {
            if (deal.won() && deal.amount() != null) {
                Optional<BigDecimal> rate = conversion.rateOf(deal.currency());
                if (rate.isPresent()) {
                    total = total.add(Conversion.convert(deal.amount(), rate.get()));
                    counted++;
                }
            }
        }
        return counted == 0 ? null : total.divide(BigDecimal.valueOf(counted), 8, RoundingMode.HALF_EVEN);
    }

    private static int furthest(SalesStages stages, ClosedDeal deal) {
        List<SalesStage> open = stages.open();
        if (deal.won()) {
            return open.size() - 1;
        }
        int furthest = -1;
        for (int i = 0; i < open.size(); i++) {
            if (deal.stages().contains(open.get(i).name())) {
                furthest = i;
            }
        }
        return furthest;
    }
}
