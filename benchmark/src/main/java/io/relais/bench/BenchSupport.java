package io.relais.bench;

import io.relais.eventstore.ProcessorProgress;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ApplicationContext;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** What the benchmark's measurements share: processors, appending generated events, and figures. */
final class BenchSupport {

    /** The administrator every database is founded with: acts in, and owns, the benchmark's records. */
    static final String ACTOR = "admin";
    /** The administrator's password in every benchmark database (a later run on the same folder keeps the first). */
    static final String ACTOR_PASSWORD = "relais-benchmark-administrator";

    private BenchSupport() {
    }

    /** The Authorization header of HTTP Basic sign-in. */
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static StreamingEventProcessor processor(ApplicationContext context, String processingGroup) {
        return context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElseThrow();
    }

    /** Every streaming event processor of the engine: the projections and the process managers. */
    static List<StreamingEventProcessor> streamingProcessors(ApplicationContext context) {
        List<StreamingEventProcessor> streaming = new ArrayList<>();
        for (EventProcessor any : context.getBean(EventProcessingConfiguration.class).eventProcessors().values()) {
            if (any instanceof StreamingEventProcessor processor) {
                streaming.add(processor);
            }
        }
        return streaming;
    }

    /** Waits until every segment of the processor has handled every event stored so far. */
    static void awaitCaughtUp(ApplicationContext context, StreamingEventProcessor processor)
            throws InterruptedException {
        long head = ProcessorProgress.head(context.getBean(EventStore.class));
        long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000;
        while (System.nanoTime() < deadline) {
            if (ProcessorProgress.caughtUp(processor, head)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(processor.getName() + " did not catch up within 30 minutes");
    }

    /** Appends the events straight to the store, a thousand per transaction: the benchmark's generated history. */
    static void append(ApplicationContext context, List<? extends EventMessage<?>> events) {
        EventStorageEngine engine = context.getBean(EventStorageEngine.class);
        TransactionManager transactions = context.getBean(TransactionManager.class);
        for (int from = 0; from < events.size(); from += 1000) {
            List<? extends EventMessage<?>> batch = events.subList(from, Math.min(events.size(), from + 1000));
            transactions.executeInTransaction(() -> engine.appendEvents(new ArrayList<>(batch)));
        }
    }

    /** The value at quantile {@code q} (0 to 1) of the samples, in milliseconds. */
    static double percentileMillis(long[] nanos, double q) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** A rate as a ratio to the raw insert speed, to three significant digits (reads can be far below 0.001). */
    static String ratio(double rate, double raw) {
        return String.format("%.3g", rate / raw);
    }

    interface ClientWork {
        Void run(int count) throws Exception;
    }

    /** Runs {@code total} units split over {@code clients} threads and answers units per second. */
    static double timed(int clients, int total, ClientWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int share = total / clients + (c < total % clients ? 1 : 0);
                tasks.add(() -> work.run(share));
            }
            long start = System.nanoTime();
            for (Future<Void> future : pool.invokeAll(tasks)) {
                future.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    static String format(double rate) {
        return String.format("%.0f", rate);
    }

    static String millis(double value) {
        return String.format("%.2f", value);
    }
}
