package io.relais.observability;

import io.relais.common.ConflictException;
import io.relais.web.NotFoundException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Rebuilds of projections while the engine serves: the processor stops on this node, its tokens are reset (its
 * reset handler empties its tables, its dead letters go) and it starts again, replaying the store from the start.
 */
@Component
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    private final EventProcessingConfiguration processing;

    Rebuilds(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Starts the rebuild of projection {@code name}, asked for by {@code userId}. */
    public void rebuild(String name, String userId) {
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFoundException("Processor", name));
        if (Processors.PROCESS_MANAGERS.contains(name)) {
            throw new ConflictException("name", "not-replayable", name + " sends commands or queues webhook "
                    + "deliveries: replaying it would send them again, so it is never rebuilt");
        }
        if (processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isReplaying)) {
            return;
        }
        try {
            processor.shutdownAsync().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Processor " + name + " did not stop", e);
        }
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException claimed) {
            processor.start();
            throw new ConflictException("name", "claimed-elsewhere", name + " is being processed by another node: "
                    + "ask that node (claimedBy in the list), or stop the other nodes' processing first");
        }
        processor.start();
        log.info("Rebuild of {} started by {}", name, userId);
    }
}
