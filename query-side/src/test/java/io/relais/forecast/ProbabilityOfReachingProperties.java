package io.relais.forecast;

import io.relais.forecast.FunnelEstimate.Chance;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The probability of reaching a target against every combination of won and lost deals, counted one by one. */
class ProbabilityOfReachingProperties {

    @Property
    void isTheShareOfOutcomesWhoseWonAmountsReachTheGap(@ForAll @IntRange(min = 1, max = 5_000) int gap,
                                                      @ForAll @Size(max = 10) List<@From("chances") Chance> chances) {
        BigDecimal computed = FunnelEstimate.probabilityOfReaching(BigDecimal.valueOf(gap), chances);

        // rounded to four decimals: within half of the last one of the exact share
        assertThat(computed).isCloseTo(byEveryOutcome(gap, chances), within(new BigDecimal("0.0000501")));
    }

    @Provide
    Arbitrary<Chance> chances() {
        return Combinators.combine(Arbitraries.integers().between(0, 6_000),
                        Arbitraries.of(0.0, 0.1, 0.25, 1.0 / 3, 0.5, 0.8, 1.0))
                .as((amount, probability) -> new Chance(amount, probability));
    }

    /** The chances of the outcomes whose won deals reach the gap at the steps' resolution, added up. */
    private static BigDecimal byEveryOutcome(int gap, List<Chance> chances) {
        double step = (double) gap / FunnelEstimate.STEPS;
        double reaching = 0;
        for (int outcome = 0; outcome < 1 << chances.size(); outcome++) {
            double chance = 1;
            long steps = 0;
            for (int deal = 0; deal < chances.size(); deal++) {
                Chance each = chances.get(deal);
                boolean won = (outcome & 1 << deal) != 0;
                chance *= won ? each.probability() : 1 - each.probability();
                if (won) {
                    steps += Math.min(FunnelEstimate.STEPS, Math.round(each.amount() / step));
                }
            }
            if (steps >= FunnelEstimate.STEPS) {
                reaching += chance;
            }
        }
        return BigDecimal.valueOf(reaching);
    }
}
