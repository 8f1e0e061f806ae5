package io.relais.customerfeed;

import io.relais.opportunity.LineItem;
import io.relais.projection.RecordRow;

import java.time.Instant;
import java.util.List;

/** What the customer feed keeps of a deal to write its entry once won: its lines. */
final class CustomerDealRow extends RecordRow {

    List<LineItem> lines;

    CustomerDealRow(String id, long version, Instant updatedAt) {
        super(id, version, updatedAt);
    }
}
