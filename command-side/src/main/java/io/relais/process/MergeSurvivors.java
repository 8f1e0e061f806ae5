package io.relais.process;

import io.relais.account.AccountMergedInto;
import io.relais.lead.LeadMergedInto;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Finds the record that carries on a merged one, from the event store itself: a merged record's stream ends
 * with the event naming its survivor. The transfer processes send what they move to the live survivor, so
 * that a survivor merged away meanwhile does not strand it.
 */
@Component
public class MergeSurvivors {

    private static final int MAX_HOPS = 100;

    private final EventStore eventStore;

    public MergeSurvivors(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** {@code recordId} itself, or the end of the chain of survivors it was merged into. */
    public String of(String recordId) {
        String current = recordId;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            Optional<String> survivor = mergedInto(current);
            if (survivor.isEmpty()) {
                return current;
            }
            current = survivor.get();
        }
        throw new IllegalStateException("The merges starting at " + recordId + " form a chain of more than "
                + MAX_HOPS + " records");
    }

    private Optional<String> mergedInto(String recordId) {
        Optional<Long> last = eventStore.lastSequenceNumberFor(recordId);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        DomainEventStream stream = eventStore.readEvents(recordId, last.get());
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        Object payload = stream.next().getPayload();
        if (payload instanceof AccountMergedInto merged) {
            return Optional.of(merged.survivorId());
        }
        if (payload instanceof LeadMergedInto merged) {
            return Optional.of(merged.survivorId());
        }
        return Optional.empty();
    }
}
