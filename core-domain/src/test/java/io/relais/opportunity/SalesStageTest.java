package io.relais.opportunity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SalesStageTest {

    @Test
    void aWonDealIsCertainAndCountsAsClosed() {
        assertThat(SalesStage.CLOSED_WON).isEqualTo(new SalesStage("CLOSED_WON", 100, ForecastCategory.CLOSED));
    }

    @Test
    void aLostDealHasNoChanceAndIsLeftOutOfForecasts() {
        assertThat(SalesStage.CLOSED_LOST).isEqualTo(new SalesStage("CLOSED_LOST", 0, ForecastCategory.OMITTED));
    }

    @Test
    void isTheSameStageOnlyWithTheSameFigures() {
        SalesStage proposal = new SalesStage("PROPOSAL", 50, ForecastCategory.BEST_CASE);

        assertThat(proposal).isEqualTo(new SalesStage("PROPOSAL", 50, ForecastCategory.BEST_CASE))
                .hasSameHashCodeAs(new SalesStage("PROPOSAL", 50, ForecastCategory.BEST_CASE))
                .isNotEqualTo(new SalesStage("PROPOSAL", 60, ForecastCategory.BEST_CASE))
                .isNotEqualTo(new SalesStage("PROPOSAL", 50, ForecastCategory.COMMIT));
    }
}
