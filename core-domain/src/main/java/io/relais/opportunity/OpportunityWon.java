package io.relais.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The deal was won: its account becomes a customer. */
public record OpportunityWon(String opportunityId, String accountId, String ownerId, String currency, BigDecimal amount,
                             LocalDate closedOn, SalesStage previousStage) {
}
