package io.relais.bench;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How long the lead projection takes to show a change once its command was answered, sampled while commands run:
 * every 20 ms a watcher takes the latest answered update and polls the lead list's table (every millisecond)
 * until it shows it.
 */
final class ProjectionLag {

    private record Answered(String leadId, long version, long nanos) {
    }

    private final JdbcTemplate jdbc;
    private final AtomicReference<Answered> latest = new AtomicReference<>();
    private final List<Long> lags = new ArrayList<>();
    private volatile boolean running;
    private Thread watcher;

    ProjectionLag(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void start() {
        running = true;
        watcher = new Thread(this::watch, "projection-lag");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** A change of {@code leadId} was answered now with {@code version} (0 when the lead was in that city already). */
    void answered(String leadId, long version) {
        latest.set(new Answered(leadId, version, System.nanoTime()));
    }

    void stop() throws InterruptedException {
        running = false;
        watcher.join();
    }

    int samples() {
        return lags.size();
    }

    double percentileMillis(double q) {
        return lags.isEmpty() ? Double.NaN : BenchSupport.percentileMillis(lags.stream().mapToLong(Long::longValue)
                .toArray(), q);
    }

    private void watch() {
        while (running) {
            Answered sample = latest.getAndSet(null);
            if (sample != null) {
                while (!shown(sample)) {
                    if (!pause(1)) {
                        return;
                    }
                }
                lags.add(System.nanoTime() - sample.nanos());
            }
            if (!pause(20)) {
                return;
            }
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean shown(Answered sample) {
        Long version = jdbc.query("select version from lead_view where id = ?",
                row -> row.next() ? row.getLong(1) : null, sample.leadId());
        return version != null && version >= sample.version();
    }
}
