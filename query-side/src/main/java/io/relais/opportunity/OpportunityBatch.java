package io.relais.opportunity;

import io.relais.projection.PastStates;
import io.relais.projection.RecordRows;
import org.axonframework.messaging.Message;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What one batch of deal events changes, written when the batch commits: the deals' rows and their versions in
 * the history.
 */
final class OpportunityBatch {

    /** A version of a deal as forecasts read it: in force from {@code validFrom} until {@code validTo}, or still. */
    record Version(String opportunityId, long version, Instant validFrom, Instant validTo, String ownerId,
                   String accountId, String currency, BigDecimal amount, BigDecimal margin,
                   LocalDate expectedCloseDate, SalesStage stage, OpportunityStatus status, LocalDate closedOn,
                   List<String> stagesVisited, Instant openedAt) {

        static Version of(OpportunityRow row) {
            return new Version(row.id(), row.version(), row.updatedAt(), null, row.ownerId, row.accountId,
                    row.currency, row.amount, row.margin, row.expectedCloseDate, row.stage, row.status, row.closedOn,
                    row.stagesVisited, row.createdAt);
        }

        Version endingAt(Instant at) {
            return new Version(opportunityId, version, validFrom, at, ownerId, accountId, currency, amount, margin,
                    expectedCloseDate, stage, status, closedOn, stagesVisited, openedAt);
        }
    }

    final RecordRows<OpportunityRow> deals;
    final List<Version> versions = new ArrayList<>();
    /** The deals whose version in force in the history ends with this batch, and when. */
    final Map<String, Instant> ended = new LinkedHashMap<>();
    private final Map<String, Integer> latest = new HashMap<>();

    OpportunityBatch(Function<Set<String>, Collection<OpportunityRow>> read, List<? extends Message<?>> events) {
        deals = new RecordRows<>(events, read);
    }

    /** A batch that starts with no row and is never written: for a deal's past state ({@link PastStates}). */
    static OpportunityBatch inMemory() {
        return new OpportunityBatch(ids -> List.of(), List.of());
    }

    /** Adds the deal's row as it is now to the history, ending the version before it ({@code opened}: none). */
    void record(OpportunityRow row, boolean opened) {
        Integer previous = latest.put(row.id(), versions.size());
        if (previous != null) {
            versions.set(previous, versions.get(previous).endingAt(row.updatedAt()));
        } else if (!opened) {
            ended.put(row.id(), row.updatedAt());
        }
        versions.add(Version.of(row));
    }
}
