package io.relais.dashboard;

import java.math.BigDecimal;

/** The team's open deals in one stage, with their amount and weighted amount. */
public record StagePipeline(String stage, int deals, BigDecimal amount, BigDecimal weighted) {
}
