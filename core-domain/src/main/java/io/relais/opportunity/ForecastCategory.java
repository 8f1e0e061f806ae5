package io.relais.opportunity;

/** Where a deal counts in a forecast: from the least to the most certain, then closed or left out. */
public enum ForecastCategory {
    PIPELINE,
    BEST_CASE,
    COMMIT,
    CLOSED,
    OMITTED
}
