package io.relais.forecast;

import io.relais.opportunity.SalesStages;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import static io.relais.forecast.Deals.closedLost;
import static io.relais.forecast.Deals.closedWon;
import static io.relais.forecast.Deals.closedWonIn;
import static io.relais.forecast.Deals.conversion;
import static org.assertj.core.api.Assertions.assertThat;

/** Over the default stages: prospecting (0), qualification (1), proposal (2), negotiation (3). */
class FunnelHistoryTest {

    private static final SalesStages STAGES = SalesStages.defaults();

    private static FunnelHistory history(ClosedDeals... closed) {
        return new FunnelHistory(List.of(closed), 0, conversion());
    }

    private static List<Integer> reached(FunnelHistory history) {
        return IntStream.range(0, STAGES.open().size()).mapToObj(history::reached).toList();
    }

    @Nested
    class Stages {

        @Test
        void countsTheClosedDealsThatGotAtLeastAsFarAsEachStage() {
            FunnelHistory history = history(
                    closedWon("1000", "PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION", "CLOSED_WON"),
                    closedLost("PROSPECTING", "CLOSED_LOST"),
                    closedLost("PROSPECTING", "QUALIFICATION", "PROPOSAL", "CLOSED_LOST"),
                    closedLost("PROSPECTING", "QUALIFICATION", "CLOSED_LOST"));

            assertThat(reached(history)).containsExactly(4, 3, 2, 1);
            assertThat(history.won()).isEqualTo(1);
        }

        @Test
        void countsAWonDealAsHavingPassedEveryStage() {
            FunnelHistory history = history(closedWon("1000", "PROPOSAL", "CLOSED_WON"), closedWon("10"));

            assertThat(reached(history)).containsExactly(2, 2, 2, 2);
            assertThat(history.won()).isEqualTo(2);
        }

        @Test
        void countsALostDealUpToTheFurthestStageItReachedThoughItSkippedSome() {
            assertThat(reached(history(closedLost("QUALIFICATION", "CLOSED_LOST")))).containsExactly(1, 1, 0, 0);
            assertThat(reached(history(closedLost("NEGOTIATION", "PROSPECTING")))).containsExactly(1, 1, 1, 1);
        }

        @Test
        void countsNowhereALostDealWhoseStagesAreNotConfiguredAnyMore() {
            FunnelHistory history = history(closedLost("DEMO", "CLOSED_LOST"));

            assertThat(reached(history)).containsExactly(0, 0, 0, 0);
            assertThat(history.won()).isZero();
        }

        @Test
        void countsTheDealsWon() {
            assertThat(history(closedWon("1"), closedLost("PROSPECTING"), closedWon("2")).won()).isEqualTo(2);
        }

        @Test
        void keepsTheMeetingsHeld() {
            assertThat(new FunnelHistory(List.of(), 7, conversion()).meetingsHeld()).isEqualTo(7);
        }
    }

    @Nested
    class AverageWonAmount {

        @Test
        void averagesTheWonDealsInTheReportingCurrency() {
            FunnelHistory history = new FunnelHistory(List.of(closedWon("1000"), closedWonIn("USD", "1000"),
                    closedLost("PROSPECTING")), 0, conversion("USD", "0.9"));

            assertThat(history.averageWonAmount()).isEqualTo(new BigDecimal("950.00000000"));
        }

        @Test
        void keepsEightDecimals() {
            assertThat(history(closedWon("1000"), closedWon("2000"), closedWon("1")).averageWonAmount())
                    .isEqualTo(new BigDecimal("1000.33333333"));
        }

        @Test
        void countsAWonDealWithoutAmountAsZeroAndLeavesOutThoseWithoutRateWithoutCountingThemUnconverted() {
            Conversion conversion = conversion();
            FunnelHistory history = new FunnelHistory(List.of(closedWon("1000"), closedWon(null),
                    closedWonIn("GBP", "5000"), closedWonIn("GBP", "7000")), 0, conversion);

            assertThat(history.averageWonAmount()).isEqualTo(new BigDecimal("500.00000000"));
            assertThat(conversion.unconverted()).isEmpty();
        }

        @Test
        void isUnknownWithoutAWonDealToAverage() {
            assertThat(history(closedLost("PROSPECTING")).averageWonAmount()).isNull();
            assertThat(history(closedWonIn("GBP", "5000")).averageWonAmount()).isNull();
        }
    }
}
