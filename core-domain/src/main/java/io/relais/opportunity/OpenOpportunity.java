package io.relais.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Open a deal with an account: in the first sales stage, in a currency, with an expected close date. */
public record OpenOpportunity(@TargetAggregateIdentifier String opportunityId, String accountId, String name, String ownerId,
                              String primaryContactId, String leadId, String currency, BigDecimal amount,
                              LocalDate expectedCloseDate, String priceList) {
}
