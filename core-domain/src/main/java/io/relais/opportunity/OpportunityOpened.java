package io.relais.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A deal was opened with an account, in {@code stage}. */
public record OpportunityOpened(String opportunityId, String accountId, String name, String ownerId,
                                String primaryContactId, String leadId, String currency, BigDecimal amount,
                                LocalDate expectedCloseDate, String priceList, SalesStage stage) {
}
