package io.relais.opportunity;

import jakarta.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A deal as the read model shows it. {@code margin} is the lines' total less their cost, when every line's
 * cost is known; {@code stage} carries the probability and forecast category it had when the deal got there.
 */
public record OpportunityView(String id, long version, String accountId, @Nullable String ownerId, String name,
                              @Nullable String primaryContactId, @Nullable String leadId, String currency,
                              @Nullable BigDecimal amount, @Nullable BigDecimal margin, LocalDate expectedCloseDate,
                              @Nullable String priceList, SalesStage stage, OpportunityStatus status,
                              @Nullable LossReason lossReason, @Nullable String lossNote, @Nullable LocalDate closedOn,
                              List<LineItem> lineItems, Instant createdAt, String createdBy, Instant updatedAt) {
}
