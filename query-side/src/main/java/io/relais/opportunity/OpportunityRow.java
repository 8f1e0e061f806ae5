package io.relais.opportunity;

import io.relais.projection.RecordRow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/** A deal's row in the read model while a projection batch changes it. */
final class OpportunityRow extends RecordRow {

    String accountId;
    String ownerId;
    String name;
    String primaryContactId;
    String leadId;
    String currency;
    BigDecimal amount;
    BigDecimal margin;
    LocalDate expectedCloseDate;
    String priceList;
    SalesStage stage;
    OpportunityStatus status;
    LossReason lossReason;
    String lossNote;
    LocalDate closedOn;
    List<LineItem> lineItems = List.of();
    Instant createdAt;
    String createdBy;
    List<String> stagesVisited = List.of();

    OpportunityRow(String id, long version, Instant updatedAt) {
        super(id, version, updatedAt);
    }

    /** Puts the deal at {@code stage} with {@code status}, and counts the stage among those it has been at. */
    void stage(SalesStage stage, OpportunityStatus status, LossReason reason, String note, LocalDate closedOn) {
        this.stage = stage;
        this.status = status;
        this.lossReason = reason;
        this.lossNote = note;
        this.closedOn = closedOn;
        if (!stagesVisited.contains(stage.name())) {
            stagesVisited = Stream.concat(stagesVisited.stream(), Stream.of(stage.name())).toList();
        }
    }

    /** Changes the deal's lines, its amount (their total) and its margin (when every line's cost is known). */
    void lines(BigDecimal amount, List<LineItem> lines) {
        this.lineItems = lines;
        this.amount = amount;
        this.margin = lines.isEmpty() || lines.stream().anyMatch(line -> line.cost() == null) ? null
                : lines.stream().map(line -> line.total().subtract(line.cost())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    OpportunityView toView() {
        return new OpportunityView(id(), version(), accountId, ownerId, name, primaryContactId, leadId, currency,
                cents(amount), cents(margin), expectedCloseDate, priceList, stage, status, lossReason, lossNote,
                closedOn, lineItems, createdAt, createdBy, updatedAt());
    }

    /**
     * An amount as the table keeps it (numeric(19, 2), rounded as PostgreSQL rounds), so that a row built in memory
     * ({@link io.relais.projection.PastStates}) shows what the same row read back from the table shows.
     */
    private static BigDecimal cents(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }
}
