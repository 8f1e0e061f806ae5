package io.relais.tools;

import io.relais.common.ConflictException;
import io.relais.eventstore.ProcessorProgress;
import io.relais.observability.Processors;
import io.relais.observability.Rebuilds;
import io.relais.projection.ProjectionTransactions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.context.ApplicationContext;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code rebuild NAME|--all}: empties projections and replays the whole store into them, on a stopped engine's
 * store (the processors' endpoint rebuilds one while the engine serves). Exits 0 when every rebuilt projection
 * has caught up without a dead letter, 1 otherwise.
 */
public final class ProjectionRebuild {

    static final String USAGE = "java -jar relais.jar rebuild NAME|--all  (NAME: "
            + String.join(", ", ProjectionTransactions.PROJECTIONS) + ")";

    private ProjectionRebuild() {
    }

    /**
     * What a rebuild came to: the store's head it replayed to, how long it took in all and per projection (when
     * each caught up), the dead letters per projection.
     */
    public record Rebuilt(long head, double seconds, Map<String, Double> secondsByProjection,
                          Map<String, Long> deadLetters) {
    }

    static int run(ToolArguments arguments, PrintStream out, boolean terminal) {
        Set<String> names = names(arguments);
        try (ToolContext tool = ToolContext.start(arguments, names, false)) {
            Rebuilt rebuilt = rebuild(tool.context(), names, out, terminal);
            out.printf("Rebuilt %s from %,d events in %.1f s, %,.0f events/s%n", String.join(", ", names),
                    rebuilt.head(), rebuilt.seconds(), rebuilt.head() / Math.max(rebuilt.seconds(), 1e-3));
            if (names.size() > 1) {
                rebuilt.secondsByProjection().forEach((name, seconds) ->
                        out.printf("  %s caught up after %.1f s%n", name, seconds));
            }
            Map<String, Long> failed = new TreeMap<>(rebuilt.deadLetters());
            failed.values().removeIf(count -> count == 0);
            if (!failed.isEmpty()) {
                out.println("Events that failed are dead letters (list and retry them once the engine runs: "
                        + "GET /api/v1/admin/processors/{name}/dead-letters): " + failed);
                return 1;
            }
            return 0;
        } catch (ConflictException e) {
            out.println(e.getMessage());
            return 1;
        }
    }

    /** Rebuilds projections {@code names} in {@code context} up to the store's head now, all at once. */
    public static Rebuilt rebuild(ApplicationContext context, Set<String> names, PrintStream out, boolean terminal) {
        long head = Math.max(0, ProcessorProgress.head(context.getBean(EventStore.class)));
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        Progress progress = new Progress(out, terminal, 0, head);
        long started = System.nanoTime();
        List<StreamingEventProcessor> rebuilding = new ArrayList<>();
        for (String name : names) {
            context.getBean(Rebuilds.class).rebuild(name, "system:rebuild");
            rebuilding.add(processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow());
        }
        Map<String, Double> secondsByProjection = new LinkedHashMap<>();
        while (!rebuilding.isEmpty()) {
            for (Iterator<StreamingEventProcessor> each = rebuilding.iterator(); each.hasNext(); ) {
                StreamingEventProcessor processor = each.next();
                if (ProcessorProgress.caughtUp(processor, head)) {
                    secondsByProjection.put(processor.getName(), (System.nanoTime() - started) / 1e9);
                    each.remove();
                }
            }
            long slowest = Math.max(0, rebuilding.stream().mapToLong(ProcessorProgress::position).min().orElse(head));
            progress.update(slowest, slowest);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while rebuilding", e);
            }
        }
        Map<String, Long> deadLetters = new TreeMap<>();
        names.forEach(name -> deadLetters.put(name,
                processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::size).orElse(0L)));
        return new Rebuilt(head, progress.finish(), secondsByProjection, deadLetters);
    }

    private static Set<String> names(ToolArguments arguments) {
        if (arguments.flag("all")) {
            if (arguments.word(1) != null) {
                throw new UsageException("Give a projection's name or --all, not both");
            }
            return new LinkedHashSet<>(ProjectionTransactions.PROJECTIONS);
        }
        String name = arguments.word(1);
        if (name == null || arguments.word(2) != null) {
            throw new UsageException("Give one projection's name, or --all");
        }
        if (Processors.PROCESS_MANAGERS.contains(name)) {
            throw new UsageException(name + " sends commands or queues webhook deliveries: replaying it would "
                    + "send them again, so it is never rebuilt");
        }
        if (!ProjectionTransactions.PROJECTIONS.contains(name)) {
            throw new UsageException("No projection is called " + name);
        }
        return Set.of(name);
    }
}
