package io.relais.opportunity;

/**
 * A stage an open deal can be in, with the probability of winning it from there (percent) and where it
 * counts in a forecast. Recorded in every stage change, so that a past forecast stays what it was when the
 * stages are reconfigured.
 */
public record SalesStage(String name, int probability, ForecastCategory category) {

    public static final SalesStage CLOSED_WON = new SalesStage("CLOSED_WON", 100, ForecastCategory.CLOSED);
    public static final SalesStage CLOSED_LOST = new SalesStage("CLOSED_LOST", 0, ForecastCategory.OMITTED);
}
