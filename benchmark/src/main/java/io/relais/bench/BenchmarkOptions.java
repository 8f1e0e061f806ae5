package io.relais.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the benchmark runs, from {@code --key=value} arguments.
 *
 * @param rawInserts    single-row inserts per concurrency level when measuring PostgreSQL's raw speed
 * @param leads         leads each concurrency level captures and then updates (two commands per lead)
 * @param clients       the higher concurrency level (the lower one is always 1)
 * @param rebuildEvents the least number of events in the store when the lead projection is rebuilt
 * @param accounts       accounts a new record is checked against for duplicates
 * @param timelineEvents events in the history of the account whose timeline is read
 * @param reads          timed duplicate checks, and timed reads of each timeline query
 * @param salesEvents    the least number of events in the store when forecasts and dashboards are read
 * @param salesReads     timed reads of each forecast, funnel, dashboard and audit view query
 * @param httpRequests   timed authenticated HTTP requests at {@code clients} clients
 * @param parts          what to measure, any of: {@code http} (authenticated requests over HTTP), {@code core}
 *                       (inserts, commands, rebuild, duplicates, timeline), {@code sales} (forecasts and dashboards),
 *                       {@code import} (a file of leads imported over HTTP)
 * @param importRows     the rows of the file the import part imports
 * @param statements     how many of the statements that took PostgreSQL the most time while the 8-client commands
 *                       ran to print (pg_stat_statements); 0 for none
 * @param dataDirectory where the embedded database lives; null for a fresh temporary folder
 */
record BenchmarkOptions(int rawInserts, int leads, int clients, int rebuildEvents, int accounts, int timelineEvents,
                        int reads, int salesEvents, int salesReads, int httpRequests, Set<String> parts,
                        int statements, Path dataDirectory, int importRows) {

    static final Set<String> PARTS = Set.of("http", "core", "sales", "import");
    static final Set<String> DEFAULT_PARTS = Set.of("http", "core", "sales");

    static final String USAGE = """
            usage: java -jar relais-benchmark.jar [--raw-inserts=N] [--leads=N] [--clients=N] [--rebuild-events=N] \
            [--accounts=N] [--timeline-events=N] [--reads=N] [--sales-events=N] [--sales-reads=N] \
            [--http-requests=N] [--parts=http,core,sales,import] [--import-rows=N] [--statements=N] [--data-dir=PATH]
              --raw-inserts     single-row inserts per concurrency level (default 20000)
              --leads           leads captured and updated per concurrency level (default 3000)
              --clients         concurrent clients of the second level (default 8)
              --rebuild-events  events in the store when the projection is rebuilt (default 100000)
              --accounts        accounts a new record is checked against for duplicates (default 100000)
              --timeline-events events in the history of the account whose timeline is read (default 10000)
              --reads           timed duplicate checks and timeline reads of each kind (default 200)
              --sales-events    events in the store when forecasts and dashboards are read (default 1000000)
              --sales-reads     timed reads of each forecast, funnel, dashboard and audit query (default 30)
              --http-requests   timed authenticated GET requests over HTTP (default 20000)
              --parts           any of http (authenticated requests over HTTP), core (inserts, commands, rebuild,
                                duplicates, timeline), sales (forecasts, dashboards, the audit view and the
                                verification of the store), import (a CSV of leads imported over HTTP, every
                                projection caught up) (default http,core,sales);
                                raw inserts are always measured
              --import-rows     rows of the file the import part imports (default 100000)
              --statements      print the N statements that took PostgreSQL the most time while the commands ran
                                at the higher level (pg_stat_statements, loaded for the run) (default 0: none)
              --data-dir        embedded database folder (default: a temporary folder, deleted afterwards)
            """;

    static BenchmarkOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Unrecognised argument: " + arg);
            }
            values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        BenchmarkOptions options = new BenchmarkOptions(
                positive(values.remove("raw-inserts"), 20_000),
                positive(values.remove("leads"), 3000),
                positive(values.remove("clients"), 8),
                positive(values.remove("rebuild-events"), 100_000),
                positive(values.remove("accounts"), 100_000),
                positive(values.remove("timeline-events"), 10_000),
                positive(values.remove("reads"), 200),
                positive(values.remove("sales-events"), 1_000_000),
                positive(values.remove("sales-reads"), 30),
                positive(values.remove("http-requests"), 20_000),
                parts(values.remove("parts")),
                notNegative(values.remove("statements")),
                values.containsKey("data-dir") ? Path.of(values.remove("data-dir")) : null,
                positive(values.remove("import-rows"), 100_000));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s): " + values.keySet());
        }
        return options;
    }

    private static Set<String> parts(String value) {
        if (value == null) {
            return DEFAULT_PARTS;
        }
        Set<String> parts = Set.of(value.split(","));
        if (!PARTS.containsAll(parts)) {
            throw new IllegalArgumentException("--parts takes http, core, sales, import or several of them: " + value);
        }
        return parts;
    }

    private static int notNegative(String value) {
        int parsed = value == null ? 0 : Integer.parseInt(value);
        if (parsed < 0) {
            throw new IllegalArgumentException("--statements takes 0 or more: " + value);
        }
        return parsed;
    }

    private static int positive(String value, int defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        int parsed = Integer.parseInt(value);
        if (parsed < 1) {
            throw new IllegalArgumentException("Options must be positive: " + value);
        }
        return parsed;
    }
}
