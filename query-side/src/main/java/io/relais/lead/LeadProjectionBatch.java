package io.relais.lead;

import io.relais.organisation.Viewer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lead rows one batch of events touches. Events are applied in memory as they are handled, so a
 * failing event is attributable to itself; the rows are written once, when the batch commits, with one
 * statement per table. That is what lets a rebuild run at thousands of events per second.
 */
final class LeadProjectionBatch {

    private final LeadReadRepository repository;
    private final Map<String, Optional<LeadRow>> rows = new HashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();
    private final List<LeadHistoryEntry> history = new ArrayList<>();

    LeadProjectionBatch(LeadReadRepository repository) {
        this.repository = repository;
    }

    /** Reads the rows of all these leads with one query, instead of one query per lead as events come. */
    void prefetch(Set<String> leadIds) {
        Map<String, LeadRow> found = repository.findAll(leadIds);
        leadIds.forEach(id -> rows.put(id, Optional.ofNullable(found.get(id))));
    }

    Optional<LeadRow> row(String leadId) {
        return rows.computeIfAbsent(leadId, id -> repository.find(id, Viewer.system()));
    }

    void put(LeadRow row) {
        rows.put(row.id, Optional.of(row));
        changed.add(row.id);
    }

    void changed(String leadId) {
        changed.add(leadId);
    }

    void record(LeadHistoryEntry entry) {
        history.add(entry);
    }

    void flush() {
        repository.upsert(changed.stream().map(id -> rows.get(id).orElseThrow()).toList());
        repository.insertHistory(history);
    }
}
