package io.relais.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.relais.bench.crud.CrudBenchmark;
import io.relais.common.AuditMetadata;
import io.relais.common.FieldChange;
import io.relais.lead.CaptureLead;
import io.relais.lead.LeadCaptured;
import io.relais.lead.LeadDetails;
import io.relais.lead.LeadDetailsUpdated;
import io.relais.lead.LeadField;
import io.relais.lead.LeadOwnerAssigned;
import io.relais.lead.LeadProjection;
import io.relais.lead.LeadQualified;
import io.relais.lead.LeadSource;
import io.relais.lead.LeadStatus;
import io.relais.lead.LeadWorkStarted;
import io.relais.lead.UpdateLeadDetails;
import io.relais.messaging.ActingContext;
import io.relais.sample.SampleCompanies;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import static io.relais.bench.BenchSupport.ACTOR;
import static io.relais.bench.BenchSupport.append;
import static io.relais.bench.BenchSupport.format;
import static io.relais.bench.BenchSupport.millis;
import static io.relais.bench.BenchSupport.processor;
import static io.relais.bench.BenchSupport.ratio;
import static io.relais.bench.BenchSupport.timed;

/**
 * Measures, in one run on one database: PostgreSQL's raw single-row insert speed (the physical limit),
 * authenticated requests over HTTP ({@link HttpBenchmark}), command throughput through the command bus as a
 * ratio to it, how fast the lead projection rebuilds from zero, duplicate checks and timeline reads
 * ({@link AccountBenchmark}), forecasts and dashboards over a generated sales organisation
 * ({@link SalesBenchmark}). The last line sums the run up as {@code BENCH key=value ...} for scripts.
 */
final class Benchmark {

    private static final String RAW_TABLE = "bench_raw_event";
    private static final SampleCompanies SAMPLES = new SampleCompanies(42);

    private final ApplicationContext context;
    private final BenchmarkOptions options;
    private final PrintStream out;
    private final Map<String, String> summary = new LinkedHashMap<>();
    /** Every lead the commands capture is another sample person at another sample company. */
    private final AtomicInteger nextLead = new AtomicInteger();

    Benchmark(ApplicationContext context, BenchmarkOptions options, PrintStream out) {
        this.context = context;
        this.options = options;
        this.out = out;
    }

    /** Runs the parts asked for; {@code starting} is when the engine's start began ({@link System#nanoTime()}). */
    void run(long starting) throws Exception {
        out.printf("Relais benchmark (%s): %d raw inserts, %d authenticated HTTP requests, %d leads per level, 1 and %d "
                        + "clients, rebuild over >= %d events, duplicate checks against %d accounts, timeline of %d "
                        + "events, forecasts and dashboards over >= %d events%n", String.join(",", options.parts()),
                options.rawInserts(), options.httpRequests(), options.leads(), options.clients(),
                options.rebuildEvents(), options.accounts(), options.timelineEvents(), options.salesEvents());
        awaitAdministrator();
        double startSeconds = (System.nanoTime() - starting) / 1e9;
        out.printf("engine start on a new embedded database (initdb included), to ready for commands: %.1f s%n",
                startSeconds);
        summary.put("engine_start_s", String.format("%.1f", startSeconds));
        warmUp();
        double raw1 = rawInserts(1, options.rawInserts());
        summary.put("raw_inserts_per_s_1", format(raw1));
        if (options.parts().contains("http")) {
            new HttpBenchmark(context, options, out, summary).authenticatedReads(raw1);
        }
        if (options.parts().contains("core")) {
            core(raw1);
        }
        if (options.parts().contains("sales")) {
            new SalesBenchmark(context, options, out, summary).forecastsAndDashboards(raw1);
        }
        if (options.parts().contains("import")) {
            new ImportBenchmark(context, options, out, summary).importFile(raw1);
        }
        out.println("BENCH " + summary.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ")));
    }

    private void core(double raw1) throws Exception {
        double rawN = rawInserts(options.clients(), options.rawInserts());
        double commands1 = commands(1, options.leads(), "projections live", null);
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        ProjectionLag lag = new ProjectionLag(jdbc);
        StatementProfile statements = options.statements() > 0 ? StatementProfile.start(jdbc, options.statements())
                : null;
        double commandsN = commands(options.clients(), options.leads(), "projections live", lag);
        if (statements != null) {
            statements.print(out, "the commands at " + options.clients() + " clients, projections live");
        }
        out.printf("projection lag while those commands ran (a change answered until the lead list shows it, %d "
                        + "sampled): p50 %s ms, p99 %s ms%n", lag.samples(), millis(lag.percentileMillis(0.5)),
                millis(lag.percentileMillis(0.99)));
        summary.put("projection_lag_ms_p99", millis(lag.percentileMillis(0.99)));
        summary.put("raw_inserts_per_s", format(rawN));
        summary.put("commands_per_s_1", format(commands1));
        summary.put("command_ratio_1", ratio(commands1, raw1));
        summary.put("commands_per_s_" + options.clients(), format(commandsN));
        summary.put("command_ratio_" + options.clients(), ratio(commandsN, rawN));

        List<StreamingEventProcessor> processors = BenchSupport.streamingProcessors(context);
        processors.forEach(StreamingEventProcessor::shutDown);
        double writeOnly = commands(options.clients(), options.leads(), "every processor paused (write path alone)",
                null);
        processors.forEach(StreamingEventProcessor::start);
        summary.put("write_only_commands_per_s_" + options.clients(), format(writeOnly));
        summary.put("write_only_command_ratio_" + options.clients(), ratio(writeOnly, rawN));
        double crud = crudCommands(options.clients(), options.leads());
        summary.put("crud_commands_per_s_" + options.clients(), format(crud));
        summary.put("crud_ratio_" + options.clients(), ratio(crud, rawN));
        summary.put("commands_to_crud_" + options.clients(), ratio(commandsN, crud));
        rebuild();
        AccountBenchmark accounts = new AccountBenchmark(context, options, out, summary);
        accounts.duplicateChecks(raw1);
        accounts.timelineReads(raw1);
    }

    /** Runs every measured path once, unmeasured, so that the JIT has compiled them before timing starts. */
    private void warmUp() throws Exception {
        rawInserts(options.clients(), Math.max(1000, options.rawInserts() / 5));
        commands(options.clients(), Math.max(500, options.leads() / 5), "warm-up", null);
        awaitCaughtUp(leadProcessor());
    }

    /** Single-row autocommitted inserts into a table shaped like the event table. */
    private double rawInserts(int clients, int inserts) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        jdbc.execute("drop table if exists " + RAW_TABLE);
        jdbc.execute("create table " + RAW_TABLE + " (globalindex bigserial primary key, "
                + "aggregateidentifier varchar(255) not null, sequencenumber bigint not null, type varchar(255), "
                + "eventidentifier varchar(255) not null unique, metadata text, payload text not null, "
                + "payloadrevision varchar(255), payloadtype varchar(255) not null, timestamp varchar(255) not null, "
                + "unique (aggregateidentifier, sequencenumber))");
        String payload = samplePayload();
        DataSource dataSource = context.getBean(DataSource.class);
        double rate = timed(clients, inserts, count -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement insert = connection.prepareStatement("insert into " + RAW_TABLE
                         + " (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload, "
                         + "payloadtype, timestamp) values (?, 0, 'Lead', ?, ?, ?, ?, ?)")) {
                connection.setAutoCommit(true);
                for (int i = 0; i < count; i++) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, UUID.randomUUID().toString());
                    insert.setString(3, "{\"userId\":\"" + ACTOR + "\",\"correlationId\":\"" + UUID.randomUUID() + "\"}");
                    insert.setString(4, payload);
                    insert.setString(5, LeadCaptured.class.getName());
                    insert.setString(6, Instant.now().toString());
                    insert.executeUpdate();
                }
            }
            return null;
        });
        jdbc.execute("drop table " + RAW_TABLE);
        out.printf("raw inserts, %d client(s): %s inserts/s%n", clients, format(rate));
        return rate;
    }

    /** Commands are authorised against the organisation read model, which sees the administrator shortly after start. */
    private void awaitAdministrator() throws InterruptedException {
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.queryForObject("select count(*) from org_user where id = ?", Long.class, ACTOR) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The organisation read model has no administrator " + ACTOR);
            }
            Thread.sleep(50);
        }
    }

    /**
     * Each client captures leads and updates each once, through the command bus; {@code lag}, if given, samples
     * how long the lead projection takes to show the updates meanwhile.
     */
    private double commands(int clients, int leads, String label, ProjectionLag lag) throws Exception {
        CommandGateway commands = context.getBean(CommandGateway.class);
        if (lag != null) {
            lag.start();
        }
        double leadsPerSecond = timed(clients, leads, count -> new ActingContext(ACTOR, null,
                UUID.randomUUID().toString()).call(() -> {
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                commands.sendAndWait(new CaptureLead(id, sampleDetails(nextLead.getAndIncrement()),
                        LeadSource.WEB_FORM, "benchmark", null, ACTOR));
                Long version = commands.sendAndWait(new UpdateLeadDetails(id, Map.of(LeadField.CITY, "Lyon"), 0L));
                if (lag != null) {
                    lag.answered(id, version);
                }
            }
            return null;
        }));
        if (lag != null) {
            lag.stop();
        }
        double rate = leadsPerSecond * 2;
        out.printf("commands (capture + update), %d client(s), %s: %s commands/s%n", clients, label, format(rate));
        return rate;
    }

    /**
     * The same captures and updates through a plain Spring Data JPA CRUD service on the same PostgreSQL, once every
     * processor has digested the commands (the engine is idle), after an unmeasured round of the size of the
     * commands' warm-up.
     */
    private double crudCommands(int clients, int leads) throws Exception {
        awaitEveryProcessor();
        try (CrudBenchmark crud = CrudBenchmark.on(context.getBean(HikariDataSource.class))) {
            BenchSupport.ClientWork work = count -> {
                crud.captureAndUpdate(count, () -> sampleDetails(nextLead.getAndIncrement()), ACTOR);
                return null;
            };
            timed(clients, Math.max(500, leads / 5), work);
            double rate = timed(clients, leads, work) * 2;
            out.printf("CRUD service (Spring Data JPA: capture + update), %d client(s): %s operations/s%n", clients,
                    format(rate));
            return rate;
        }
    }

    /** Fills the store up to the wanted size, then replays the lead projection from zero and times it. */
    private void rebuild() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        StreamingEventProcessor processor = leadProcessor();
        long existing = jdbc.queryForObject("select count(*) from domainevententry", Long.class);
        long generated = generateEvents(Math.max(0, options.rebuildEvents() - existing));
        long total = existing + generated;
        // every processor first digests the generated events, so that only the rebuild is timed
        awaitEveryProcessor();
        long leads = jdbc.queryForObject("select count(*) from lead_view", Long.class);

        processor.shutDown();
        processor.resetTokens();
        long start = System.nanoTime();
        processor.start();
        awaitCaughtUp(processor);
        double seconds = (System.nanoTime() - start) / 1e9;
        long leadsAfter = jdbc.queryForObject("select count(*) from lead_view", Long.class);
        if (leadsAfter != leads) {
            throw new IllegalStateException("Rebuild gave " + leadsAfter + " leads instead of " + leads);
        }
        double rate = total / seconds;
        out.printf("projection rebuild: %d events (%d leads) in %.1f s: %s events/s%n", total, leads, seconds,
                format(rate));
        summary.put("rebuild_events", Long.toString(total));
        summary.put("rebuild_events_per_s", format(rate));
    }

    /** Appends realistic lead streams (capture, update, assign, start, qualify) straight to the store. */
    private long generateEvents(long wanted) {
        List<EventMessage<?>> events = new ArrayList<>();
        int lead = 0;
        while (events.size() < wanted) {
            events.addAll(leadStream(lead++));
        }
        append(context, events);
        out.printf("generated %d events for the rebuild%n", events.size());
        return events.size();
    }

    private static List<DomainEventMessage<?>> leadStream(int n) {
        String id = UUID.randomUUID().toString();
        MetaData meta = MetaData.with(AuditMetadata.USER_ID, ACTOR)
                .and(AuditMetadata.CORRELATION_ID, UUID.randomUUID().toString());
        LeadDetails details = sampleDetails(n);
        LeadDetails moved = LeadField.CITY.set(details, "Bordeaux");
        List<Object> payloads = List.of(
                new LeadCaptured(id, details, LeadSource.NEWSLETTER, "benchmark", null, "rep-" + (n % 19)),
                new LeadDetailsUpdated(id, moved, List.of(new FieldChange("city", details.city(), "Bordeaux"))),
                new LeadOwnerAssigned(id, "rep-" + (n % 20), "rep-" + (n % 19)),
                new LeadWorkStarted(id),
                new LeadQualified(id, LeadStatus.WORKING));
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int seq = 0; seq < payloads.size(); seq++) {
            events.add(new GenericDomainEventMessage<>("Lead", id, seq, payloads.get(seq), meta));
        }
        return events;
    }

    private void awaitEveryProcessor() throws InterruptedException {
        for (StreamingEventProcessor processor : BenchSupport.streamingProcessors(context)) {
            awaitCaughtUp(processor);
        }
    }

    private StreamingEventProcessor leadProcessor() {
        return processor(context, LeadProjection.PROCESSING_GROUP);
    }

    private void awaitCaughtUp(StreamingEventProcessor processor) throws InterruptedException {
        BenchSupport.awaitCaughtUp(context, processor);
    }

    /** A lead from a sample company: its people, phones, e-mails and names vary as real ones do. */
    private static LeadDetails sampleDetails(int n) {
        SampleCompanies.Company company = SAMPLES.company(n);
        SampleCompanies.Person person = SAMPLES.person(company, n);
        return new LeadDetails(person.firstName(), person.lastName(), person.email(), person.phone(),
                company.legalName(), "Directrice des achats", company.website(), company.postalCode(),
                company.city(), "FR", null, "62.01Z", "SMALL");
    }

    private static String samplePayload() {
        LeadDetails d = sampleDetails(1);
        return "{\"leadId\":\"" + UUID.randomUUID() + "\",\"details\":{\"firstName\":\"" + d.firstName()
                + "\",\"lastName\":\"" + d.lastName() + "\",\"email\":\"" + d.email() + "\",\"phone\":\"" + d.phone()
                + "\",\"company\":\"" + d.company() + "\",\"jobTitle\":\"" + d.jobTitle() + "\",\"website\":\""
                + d.website() + "\",\"postalCode\":\"69002\",\"city\":\"Lyon\",\"country\":\"FR\",\"notes\":null},"
                + "\"source\":\"WEB_FORM\",\"sourceDetail\":\"benchmark\",\"consent\":null,\"ownerId\":null}";
    }
}
