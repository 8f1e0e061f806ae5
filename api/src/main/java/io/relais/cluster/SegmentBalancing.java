package io.relais.cluster;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shares the event processors' segments out between the live engine nodes. Axon lets the first node to start
 * claim every segment and never hands one over by itself; so every few seconds each node counts the live nodes
 * and, when it holds more than its fair share of all segments (the total divided by the live nodes, rounded
 * up), releases the extra ones, from the processors it holds most of, for long enough that another node claims
 * them. Claims, not this, decide who processes what: a released segment nobody takes comes back to this node.
 */
@Component
@ConditionalOnProperty(name = "relais.tool", havingValue = "false", matchIfMissing = true)
class SegmentBalancing implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancing.class);
    private static final long EVERY_SECONDS = 2;
    private static final long RELEASE_SECONDS = 5;

    private final EngineNodes nodes;
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private ScheduledExecutorService scheduler;

    SegmentBalancing(EngineNodes nodes, EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.nodes = nodes;
        this.processing = processing;
        this.jdbc = jdbc;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-balancing");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::balanceSafely, 0, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
            nodes.leave();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** After the processors have started, before they stop: a node that leaves says so once its claims are gone. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }

    private void balanceSafely() {
        try {
            balance();
        } catch (RuntimeException e) {
            log.warn("Could not share the processors' segments out between the nodes: {}", e.toString());
        }
    }

    private void balance() {
        int live = nodes.beat();
        if (live < 2) {
            return;
        }
        Map<String, Integer> segments = new HashMap<>();
        jdbc.query("select processorname, count(*) from tokenentry group by processorname",
                row -> {
                    segments.put(row.getString(1), row.getInt(2));
                });
        List<Held> held = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, Integer> processor : segments.entrySet()) {
            StreamingEventProcessor running = processing.eventProcessor(processor.getKey(),
                    StreamingEventProcessor.class).filter(StreamingEventProcessor::isRunning).orElse(null);
            if (running != null) {
                total += processor.getValue();
                Integer[] mine = running.processingStatus().keySet().toArray(Integer[]::new);
                for (Integer segment : mine) {
                    held.add(new Held(processor.getKey(), running, segment, mine.length));
                }
            }
        }
        int share = (total + live - 1) / live;
        int excess = held.size() - share;
        if (excess <= 0) {
            return;
        }
        held.sort(Comparator.comparingInt(Held::ofProcessor).reversed());
        for (Held segment : held.subList(0, excess)) {
            segment.processor().releaseSegment(segment.segment(), RELEASE_SECONDS, TimeUnit.SECONDS);
        }
        log.info("Released {} of the {} segments this node held for the other nodes ({} live nodes, {} segments)",
                excess, held.size(), live, total);
    }

    private record Held(String name, StreamingEventProcessor processor, int segment, int ofProcessor) {
    }
}
