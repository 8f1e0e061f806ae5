package io.relais.observability;

import io.relais.common.InvalidFieldException;
import io.relais.organisation.EvictDeadLetter;
import io.relais.projection.ProjectionTransactions;
import io.relais.web.RecordEndpoints;
import io.relais.web.NotFoundException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dead letters of the projections (docs/operations.md): listed, retried once their cause is mended, or evicted
 * for good with a reason the organisation's history keeps.
 */
@Component
class DeadLetters {

    private final EventProcessingConfiguration processing;
    private final RecordEndpoints endpoints;
    private final TransactionTemplate transactions;

    DeadLetters(EventProcessingConfiguration processing, RecordEndpoints endpoints, TransactionTemplate transactions) {
        this.processing = processing;
        this.endpoints = endpoints;
        this.transactions = transactions;
    }

    /** The processor's dead letters, sequence by sequence (a record's events in order), at most {@code limit}. */
    List<DeadLetterView> list(String processor, int limit) {
        List<DeadLetterView> letters = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(processor).deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (letters.size() == limit) {
                    return letters;
                }
                letters.add(view(letter));
            }
        }
        return letters;
    }

    /**
     * Tries again the sequence holding event {@code eventId} (from its first letter), or every sequence when it is
     * null; answers how many sequences were applied entirely. A letter that fails again stays, with its new cause.
     */
    int retry(String processor, String eventId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        SequencedDeadLetterProcessor<EventMessage<?>> retries = processing.sequencedDeadLetterProcessor(processor)
                .orElseThrow(() -> new NotFoundException("Processor", processor));
        if (eventId != null) {
            String first = locate(queue, processor, eventId).firstOfSequence();
            return retries.process(letter -> letter.message().getIdentifier().equals(first)) ? 1 : 0;
        }
        int applied = 0;
        long sequences = queue.amountOfSequences();
        for (long tried = 0; tried < sequences; tried++) {
            if (retries.processAny()) {
                applied++;
            }
        }
        return applied;
    }

    /**
     * Takes the letter of event {@code eventId} out of the processor's queue for good, recording the eviction
     * ({@link EvictDeadLetter}, refused unless an administrator asks, with a reason) in the same transaction.
     */
    void evict(String processor, String eventId, String reason) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        DeadLetter<? extends EventMessage<?>> letter = locate(queue, processor, eventId).letter();
        DeadLetterView view = view(letter);
        transactions.executeWithoutResult(status -> {
            endpoints.send(new EvictDeadLetter(processor, eventId, view.type(), view.recordId(), view.causeType(),
                    reason));
            queue.evict(letter);
        });
    }

    long size(String processor) {
        return queue(processor).size();
    }

    /** The letter of event {@code eventId}, with the event of its sequence's first letter; refused when none. */
    private static Located locate(SequencedDeadLetterQueue<EventMessage<?>> queue, String processor, String eventId) {
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            String first = null;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                first = first == null ? letter.message().getIdentifier() : first;
                if (letter.message().getIdentifier().equals(eventId)) {
                    return new Located(letter, first);
                }
            }
        }
        throw new InvalidFieldException("eventId", "unknown-dead-letter", "No dead letter of " + processor
                + " holds event " + eventId);
    }

    private record Located(DeadLetter<? extends EventMessage<?>> letter, String firstOfSequence) {
    }

    /** The processor's queue; a processor without one (a process manager, or none of that name) is not found. */
    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processor) {
        if (processing.eventProcessor(processor).isEmpty()) {
            throw new NotFoundException("Processor", processor);
        }
        return processing.deadLetterQueue(processor).orElseThrow(() -> new InvalidFieldException("name",
                "no-dead-letter-queue", processor + " sets no event aside: a failing step is retried until it succeeds"));
    }

    private static DeadLetterView view(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        Optional<Cause> cause = letter.cause();
        return new DeadLetterView(event.getIdentifier(), event.getPayloadType().getSimpleName(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), event.getTimestamp(), letter.enqueuedAt(),
                letter.lastTouched(), ProjectionTransactions.attempts(letter), ProjectionTransactions.causeType(letter),
                cause.map(Cause::message).orElse(null));
    }
}
