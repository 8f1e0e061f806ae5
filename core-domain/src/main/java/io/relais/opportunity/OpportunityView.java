package io.relais.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A deal as the read model shows it. {@code margin} is the lines' total less their cost, when every line's
 * cost is known; {@code stage} carries the probability and forecast category it had when the deal got there.
 */
public record OpportunityView(String id, long version, String accountId, String ownerId, String name,
                              String primaryContactId, String leadId, String currency, BigDecimal amount,
                              BigDecimal margin, LocalDate expectedCloseDate, String priceList, SalesStage stage,
                              OpportunityStatus status, LossReason lossReason, String lossNote, LocalDate closedOn,
                              List<LineItem> lineItems, Instant createdAt, String createdBy, Instant updatedAt) {
}
