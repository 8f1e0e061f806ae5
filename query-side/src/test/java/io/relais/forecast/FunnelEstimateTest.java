package io.relais.forecast;

import io.relais.forecast.FunnelEstimate.Chance;
import io.relais.opportunity.SalesStages;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.relais.forecast.Deals.closedLost;
import static io.relais.forecast.Deals.closedWon;
import static io.relais.forecast.Deals.conversion;
import static io.relais.forecast.Deals.omittedIn;
import static io.relais.forecast.Deals.openIn;
import static io.relais.forecast.Deals.won;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Over the default stages: prospecting 10 %, qualification 20 %, proposal 50 %, negotiation 80 %. The sample
 * history (seven deals closed, four meetings held) teaches, by stage, reached / won: 6 / 2, 5 / 2, 4 / 2, 3 / 2.
 */
class FunnelEstimateTest {

    private static final SalesStages STAGES = SalesStages.defaults();

    private static FunnelHistory sampleHistory() {
        return new FunnelHistory(List.of(
                closedWon("1000", "PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION", "CLOSED_WON"),
                closedWon("3000", "PROPOSAL", "CLOSED_WON"),
                closedLost("PROSPECTING", "CLOSED_LOST"),
                closedLost("PROSPECTING", "QUALIFICATION", "PROPOSAL", "CLOSED_LOST"),
                closedLost("QUALIFICATION", "CLOSED_LOST"),
                closedLost("DEMO", "CLOSED_LOST"),
                closedLost("PROSPECTING", "NEGOTIATION", "CLOSED_LOST")), 4, conversion());
    }

    /** Won 1,500; open 1,000 in prospecting, 2,450 in proposal, 400 in a retired stage; 9,999 omitted. */
    private static List<ConvertedDeal> samplePeriod() {
        return List.of(openIn("PROSPECTING", 10, "1000"), openIn("PROPOSAL", 50, "2000"),
                openIn("PROPOSAL", 50, "450"), omittedIn("NEGOTIATION", 80, "9999"), openIn("DEMO", 30, "400"),
                won("1500", null));
    }

    private static FunnelEstimate sample(String target) {
        return new FunnelEstimate(STAGES, sampleHistory(), samplePeriod(), 3, Deals.decimal(target));
    }

    private static FunnelHistory noHistory() {
        return new FunnelHistory(List.of(), 0, conversion());
    }

    private static BigDecimal decimal(String value) {
        return new BigDecimal(value);
    }

    private static StageConversion configured(String stage, int probability, String rate, int openDeals,
                                              String openAmount, String expected) {
        return new StageConversion(stage, probability, 0, 0, decimal(rate), null, "configured", openDeals,
                decimal(openAmount), decimal(expected));
    }

    @Nested
    class Stages {

        @Test
        void learnsEachStagesRatesFromTheClosedDealsAndAppliesThemToTheOpenOnes() {
            assertThat(sample(null).stages()).containsExactly(
                    new StageConversion("PROSPECTING", 10, 6, 2, decimal("0.3333"), decimal("0.8333"), "history", 1,
                            decimal("1000.00"), decimal("333.30")),
                    new StageConversion("QUALIFICATION", 20, 5, 2, decimal("0.4000"), decimal("0.8000"), "history",
                            0, decimal("0.00"), decimal("0.00")),
                    new StageConversion("PROPOSAL", 50, 4, 2, decimal("0.5000"), decimal("0.7500"), "history", 2,
                            decimal("2450.00"), decimal("1225.00")),
                    new StageConversion("NEGOTIATION", 80, 3, 2, decimal("0.6667"), decimal("0.6667"), "history", 0,
                            decimal("0.00"), decimal("0.00")),
                    new StageConversion("DEMO", 30, 0, 0, decimal("0.3000"), null, "recorded", 1, decimal("400.00"),
                            decimal("120.00")));
        }

        @Test
        void usesTheConfiguredProbabilitiesWithoutHistory() {
            FunnelEstimate estimate = new FunnelEstimate(STAGES, noHistory(),
                    List.of(openIn("PROPOSAL", 50, "1000"), openIn("NEGOTIATION", 80, "99.99")), 0, null);

            assertThat(estimate.stages()).containsExactly(
                    configured("PROSPECTING", 10, "0.1000", 0, "0.00", "0.00"),
                    configured("QUALIFICATION", 20, "0.2000", 0, "0.00", "0.00"),
                    configured("PROPOSAL", 50, "0.5000", 1, "1000.00", "500.00"),
                    configured("NEGOTIATION", 80, "0.8000", 1, "99.99", "79.99"));
            assertThat(estimate.expectedFromPipeline()).isEqualTo(decimal("579.99"));
        }

        @Test
        void usesTheConfiguredProbabilityOnlyForTheStagesNoClosedDealReached() {
            FunnelHistory history = new FunnelHistory(List.of(closedLost("PROSPECTING", "CLOSED_LOST")), 0,
                    conversion());

            List<StageConversion> stages = new FunnelEstimate(STAGES, history, List.of(), 0, null).stages();

            assertThat(stages.get(0)).isEqualTo(new StageConversion("PROSPECTING", 10, 1, 0, decimal("0.0000"),
                    decimal("0.0000"), "history", 0, decimal("0.00"), decimal("0.00")));
            assertThat(stages.subList(1, 4)).extracting(StageConversion::rateSource, StageConversion::winRate)
                    .containsExactly(tuple("configured", decimal("0.2000")),
                            tuple("configured", decimal("0.5000")),
                            tuple("configured", decimal("0.8000")));
        }

        @Test
        void addsStagesNotConfiguredAnyMoreAtTheProbabilityTheirDealsRecorded() {
            FunnelEstimate estimate = new FunnelEstimate(STAGES, sampleHistory(),
                    List.of(openIn("DEMO", 30, "100"), openIn("TRIAL", 60, "50"), openIn("DEMO", 35, "200")), 0,
                    null);

            assertThat(estimate.stages().subList(4, 6)).containsExactly(
                    new StageConversion("DEMO", 30, 0, 0, decimal("0.3000"), null, "recorded", 2, decimal("300.00"),
                            decimal("90.00")),
                    new StageConversion("TRIAL", 60, 0, 0, decimal("0.6000"), null, "recorded", 1, decimal("50.00"),
                            decimal("30.00")));
        }

        @Test
        void leavesOmittedDealsOut() {
            FunnelEstimate estimate = new FunnelEstimate(STAGES, noHistory(),
                    List.of(omittedIn("NEGOTIATION", 80, "1000"), omittedIn("DEMO", 30, "1000")), 0, decimal("1"));

            assertThat(estimate.stages()).hasSize(4).allMatch(stage -> stage.openDeals() == 0);
            assertThat(estimate.expectedFromPipeline()).isEqualTo(decimal("0.00"));
            assertThat(estimate.probabilityOfTarget()).isEqualTo(decimal("0.0000"));
        }
    }

    @Nested
    class Figures {

        @Test
        void addsTheDealsWonInThePeriodUp() {
            assertThat(sample(null).closedWon()).isEqualTo(decimal("1500.00"));
        }

        @Test
        void expectsFromThePipelineWhatEachStageIsExpectedToBring() {
            assertThat(sample(null).expectedFromPipeline()).isEqualTo(decimal("1678.30"));
        }

        @Test
        void expectsFromTheBookedMeetingsWhatEachHeldOneBrought() {
            assertThat(sample(null).meetings()).isEqualTo(new MeetingConversion(4, 2, decimal("0.5000"),
                    decimal("2000.00"), 3, decimal("3000.00")));
            assertThat(sample(null).expectedFromMeetings()).isEqualTo(decimal("3000.00"));
        }

        @Test
        void expectsNothingFromMeetingsWhenNoneWereHeld() {
            FunnelHistory history = new FunnelHistory(List.of(closedWon("1000")), 0, conversion());

            assertThat(new FunnelEstimate(STAGES, history, List.of(), 5, null).meetings()).isEqualTo(
                    new MeetingConversion(0, 1, null, decimal("1000.00"), 5, decimal("0.00")));
        }

        @Test
        void expectsNothingFromMeetingsWithoutAWonAmount() {
            FunnelHistory history = new FunnelHistory(List.of(closedLost("PROSPECTING")), 2, conversion());

            assertThat(new FunnelEstimate(STAGES, history, List.of(), 5, null).meetings()).isEqualTo(
                    new MeetingConversion(2, 0, decimal("0.0000"), null, 5, decimal("0.00")));
        }

        @Test
        void projectsWhatIsWonPlusWhatThePipelineAndTheMeetingsAreExpectedToBring() {
            assertThat(sample(null).projected()).isEqualTo(decimal("6178.30"));
        }

        @Test
        void keepsTheTarget() {
            assertThat(sample("2500").target()).isEqualTo(decimal("2500"));
            assertThat(sample(null).target()).isNull();
        }
    }

    @Nested
    class ProbabilityOfTarget {

        @Test
        void isUnknownWithoutATarget() {
            assertThat(sample(null).probabilityOfTarget()).isNull();
        }

        @Test
        void isCertainOnceTheWonDealsReachTheTarget() {
            assertThat(sample("1500").probabilityOfTarget()).isEqualTo(decimal("1.0000"));
            assertThat(sample("1000").probabilityOfTarget()).isEqualTo(decimal("1.0000"));
        }

        /**
         * The 1,000 missing: prospecting (1,000 at 0.3333), the 2,000 proposal (0.5) or one of the three booked
         * meetings (2,000 at 0.5 each) is enough alone; 450 and 400 together are not. 1 - 0.6667 x 0.5 x 0.5^3.
         */
        @Test
        void weighsEveryOpenDealAndBookedMeetingAsIndependentChances() {
            assertThat(sample("2500").probabilityOfTarget()).isEqualTo(decimal("0.9583"));
        }

        @Test
        void weighsDealsOfOneAmountReadTogetherAsThatManyDeals() {
            FunnelEstimate together = new FunnelEstimate(STAGES, noHistory(), List.of(openIn("PROPOSAL", 50, 3, "300")),
                    0, decimal("200"));
            FunnelEstimate apart = new FunnelEstimate(STAGES, noHistory(), List.of(openIn("PROPOSAL", 50, "100"),
                    openIn("PROPOSAL", 50, "100"), openIn("PROPOSAL", 50, "100")), 0, decimal("200"));

            // two of the three, won half the time each
            assertThat(together.probabilityOfTarget()).isEqualTo(decimal("0.5000"))
                    .isEqualTo(apart.probabilityOfTarget());
            assertThat(together.stages()).isEqualTo(apart.stages());
            assertThat(together.stages().get(2).openDeals()).isEqualTo(3);
        }

        @Test
        void capsTheChanceOfAMeetingAtCertainty() {
            FunnelHistory history = new FunnelHistory(List.of(closedWon("2000"), closedWon("2000")), 1,
                    conversion());

            FunnelEstimate estimate = new FunnelEstimate(STAGES, history, List.of(), 1, decimal("2000"));

            assertThat(estimate.meetings().wonPerMeeting()).isEqualTo(decimal("2.0000"));
            assertThat(estimate.probabilityOfTarget()).isEqualTo(decimal("1.0000"));
        }
    }

    @Nested
    class ProbabilityOfReaching {

        private static BigDecimal reaching(String gap, Chance... chances) {
            return FunnelEstimate.probabilityOfReaching(decimal(gap), List.of(chances));
        }

        @Test
        void isCertainWithoutAGap() {
            assertThat(reaching("0")).isEqualTo(decimal("1.0000"));
            assertThat(reaching("-10", new Chance(5, 0.1))).isEqualTo(decimal("1.0000"));
        }

        @Test
        void isNilWithoutChances() {
            assertThat(reaching("100")).isEqualTo(decimal("0.0000"));
        }

        @Test
        void isTheChanceOfASingleDealThatCoversTheGap() {
            assertThat(reaching("100", new Chance(100, 0.3))).isEqualTo(decimal("0.3000"));
            assertThat(reaching("100", new Chance(250, 0.3))).isEqualTo(decimal("0.3000"));
        }

        @Test
        void multipliesTheChancesOfDealsThatAreNeededTogether() {
            assertThat(reaching("100", new Chance(60, 0.5), new Chance(40, 0.4))).isEqualTo(decimal("0.2000"));
        }

        @Test
        void addsUpTheChancesOfDealsThatAreEachEnough() {
            assertThat(reaching("100", new Chance(100, 0.5), new Chance(120, 0.4))).isEqualTo(decimal("0.7000"));
        }

        @Test
        void countsEveryWayOfReachingTheGap() {
            Chance half = new Chance(50, 0.5);

            assertThat(reaching("100", half, half, half)).isEqualTo(decimal("0.5000"));
        }

        @Test
        void isNilWhenTheAmountsCannotReachTheGap() {
            assertThat(reaching("100", new Chance(30, 0.9), new Chance(30, 0.9), new Chance(39, 1.0)))
                    .isEqualTo(decimal("0.0000"));
        }

        @Test
        void ignoresChancesOfNothing() {
            assertThat(reaching("100", new Chance(100, 0), new Chance(0, 0.9), new Chance(100, 0.25)))
                    .isEqualTo(decimal("0.2500"));
        }

        @Test
        void isCertainWithADealSureToCoverTheGap() {
            assertThat(reaching("100", new Chance(30, 0.2), new Chance(100, 1.0))).isEqualTo(decimal("1.0000"));
        }

        @Test
        void roundsToFourDecimals() {
            assertThat(reaching("100", new Chance(100, 1.0 / 3))).isEqualTo(decimal("0.3333"));
            assertThat(reaching("100", new Chance(100, 2.0 / 3))).isEqualTo(decimal("0.6667"));
        }
    }
}
