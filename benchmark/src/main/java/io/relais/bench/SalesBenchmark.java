package io.relais.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.account.AccountCreated;
import io.relais.account.AccountDetails;
import io.relais.account.Address;
import io.relais.activity.ActivityCompleted;
import io.relais.activity.ActivityKind;
import io.relais.activity.ActivityLinks;
import io.relais.activity.ActivityLogged;
import io.relais.activity.ActivityScheduled;
import io.relais.audit.AuditReads;
import io.relais.audit.AuditRecordType;
import io.relais.audit.EventSealer;
import io.relais.audit.StoreVerifier;
import io.relais.audit.Verification;
import io.relais.common.AuditMetadata;
import io.relais.dashboard.DashboardView;
import io.relais.dashboard.FindDashboard;
import io.relais.eventstream.EventStream;
import io.relais.forecast.FindForecast;
import io.relais.forecast.FindFunnel;
import io.relais.forecast.ForecastPeriod;
import io.relais.forecast.ForecastView;
import io.relais.forecast.FunnelView;
import io.relais.forecast.SetExchangeRate;
import io.relais.messaging.ActingContext;
import io.relais.opportunity.LossReason;
import io.relais.opportunity.OpportunityAmountChanged;
import io.relais.opportunity.OpportunityCloseDateChanged;
import io.relais.opportunity.OpportunityLost;
import io.relais.opportunity.OpportunityOpened;
import io.relais.opportunity.OpportunityStageChanged;
import io.relais.opportunity.OpportunityWon;
import io.relais.opportunity.SalesStage;
import io.relais.opportunity.SalesStages;
import io.relais.organisation.Profile;
import io.relais.organisation.RegisterUser;
import io.relais.organisation.Viewer;
import io.relais.projection.ProjectionTransactions;
import io.relais.sample.SampleCompanies;
import io.relais.tools.EventExport;
import io.relais.tools.ProjectionRebuild;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;

import static io.relais.bench.BenchSupport.ACTOR;
import static io.relais.bench.BenchSupport.append;
import static io.relais.bench.BenchSupport.format;
import static io.relais.bench.BenchSupport.millis;
import static io.relais.bench.BenchSupport.percentileMillis;
import static io.relais.bench.BenchSupport.ratio;

/**
 * Forecast, funnel and dashboard latency over a generated sales organisation: a vice-president, directors,
 * managers and reps (registered through the command bus), and a year of deals with their stage, amount and
 * close-date histories, calls and meetings, in three currencies, appended to the store as an import would
 * append them, then projected by every processor. Reads are timed through the query bus, as the API sends them.
 */
final class SalesBenchmark {

    private static final int DIRECTORS = 4;
    private static final int MANAGERS_PER_DIRECTOR = 5;
    private static final int REPS_PER_MANAGER = 10;
    private static final int DEALS_PER_ACCOUNT = 25;
    private static final String[] CURRENCIES = {"EUR", "EUR", "EUR", "EUR", "EUR", "EUR", "USD", "USD", "GBP"};

    private final ApplicationContext context;
    private final BenchmarkOptions options;
    private final PrintStream out;
    private final Map<String, String> summary;
    private final Random random = new Random(7);
    private final List<SalesStage> stages;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final Instant now = Instant.now();

    SalesBenchmark(ApplicationContext context, BenchmarkOptions options, PrintStream out, Map<String, String> summary) {
        this.context = context;
        this.options = options;
        this.out = out;
        this.summary = summary;
        this.stages = context.getBean(SalesStages.class).open();
    }

    void forecastsAndDashboards(double rawInsertsPerSecond) throws Exception {
        String vp = "vp-" + run;
        List<String> reps = organisation(vp);
        CommandGateway commands = context.getBean(CommandGateway.class);
        new ActingContext(ACTOR, null, UUID.randomUUID().toString()).call(() -> {
            commands.sendAndWait(SetExchangeRate.of("USD", LocalDate.of(2000, 1, 1), new BigDecimal("0.92")));
            commands.sendAndWait(SetExchangeRate.of("GBP", LocalDate.of(2000, 1, 1), new BigDecimal("1.17")));
            return null;
        });
        long existing = storedEvents();
        long generated = generate(reps, Math.max(0, options.salesEvents() - existing));
        long start = System.nanoTime();
        for (EventProcessor any : context.getBean(EventProcessingConfiguration.class).eventProcessors().values()) {
            if (any instanceof StreamingEventProcessor streaming) {
                BenchSupport.awaitCaughtUp(context, streaming);
                out.printf("  %s caught up after %.0f s%n", streaming.getName(), (System.nanoTime() - start) / 1e9);
            }
        }
        out.printf("sales history: %d events generated (%d in the store), projected by every processor in %.0f s%n",
                generated, storedEvents(), (System.nanoTime() - start) / 1e9);
        summary.put("sales_events", Long.toString(storedEvents()));
        storeSize();

        Viewer top = Viewer.of(vp, Profile.SALES_MANAGER);
        String director = "director-" + run + "-0";
        String manager = "manager-" + run + "-0-0";
        ForecastPeriod year = ForecastPeriod.parse("period", String.valueOf(LocalDate.now(ZoneOffset.UTC).getYear()));
        Instant halfYearAgo = now.minus(Duration.ofDays(182));
        double[] vpForecast = timed("forecast, vice-president (" + reps.size() + " reps)", () -> forecast(vp, year, now, top));
        timed("forecast, director", () -> forecast(director, year, now, Viewer.of(director, Profile.SALES_MANAGER)));
        timed("forecast, manager", () -> forecast(manager, year, now, Viewer.of(manager, Profile.SALES_MANAGER)));
        timed("forecast, rep", () -> forecast(reps.get(0), year, now, Viewer.of(reps.get(0), Profile.SALES_REP)));
        double[] asOf = timed("forecast as of 182 days ago, vice-president", () -> forecast(vp, year, halfYearAgo, top));
        double[] funnel = timed("funnel (12 months of history), vice-president", () -> queries().query(
                new FindFunnel(vp, year, now, 12, top), ResponseTypes.optionalInstanceOf(FunnelView.class)).join()
                .orElseThrow());
        timed("funnel, manager", () -> queries().query(new FindFunnel(manager, year, now, 12,
                        Viewer.of(manager, Profile.SALES_MANAGER)), ResponseTypes.optionalInstanceOf(FunnelView.class))
                .join().orElseThrow());
        double[] dashboard = timed("dashboard, vice-president", () -> dashboard(vp, year, top));
        timed("dashboard, manager", () -> dashboard(manager, year, Viewer.of(manager, Profile.SALES_MANAGER)));
        summary.put("forecast_top_ms_p50", millis(vpForecast[0]));
        summary.put("forecast_top_ms_p95", millis(vpForecast[1]));
        summary.put("forecast_as_of_ms_p95", millis(asOf[1]));
        summary.put("funnel_top_ms_p95", millis(funnel[1]));
        summary.put("dashboard_top_ms_p50", millis(dashboard[0]));
        summary.put("dashboard_top_ms_p95", millis(dashboard[1]));
        summary.put("forecast_read_ratio_1", ratio(1000 / vpForecast[0], rawInsertsPerSecond));
        summary.put("dashboard_read_ratio_1", ratio(1000 / dashboard[0], rawInsertsPerSecond));
        dealsExported();
        auditorsReads(reps);
        sealedAndVerified();
        streamed();
        exported();
        rebuiltAll();
    }

    /**
     * The whole store exported as {@code export events} writes it, to JSON Lines and to gzipped JSON Lines, in a
     * temporary folder.
     */
    private void exported() throws IOException {
        EventStream stream = context.getBean(EventStream.class);
        long upTo = stream.stablePosition();
        Path folder = Files.createTempDirectory("relais-bench-export-");
        try {
            for (String name : List.of("events.ndjson", "events.ndjson.gz")) {
                EventExport.Exported exported = EventExport.write(stream, context.getBean(ObjectMapper.class),
                        folder.resolve(name), 0, upTo, Set.of());
                double rate = exported.events() / exported.seconds();
                out.printf("export of the whole store to %s: %d events (%.0f MB) in %.1f s (%s events/s)%n", name,
                        exported.events(), exported.bytes() / 1e6, exported.seconds(), format(rate));
                summary.put(name.endsWith(".gz") ? "export_gz_events_per_s" : "export_events_per_s", format(rate));
                Files.delete(folder.resolve(name));
            }
        } finally {
            Files.delete(folder);
        }
    }

    /**
     * Every deal exported over HTTP by the administrator, who sees them all, as CSV and as JSON Lines, as a client
     * reads it; only when the run has a web server ({@code --parts=http,sales}).
     */
    private void dealsExported() throws IOException, InterruptedException {
        if (!(context instanceof WebServerApplicationContext web)) {
            out.println("deals exported over HTTP: not measured (the export needs the web server: --parts=http,sales)");
            return;
        }
        HttpClient client = HttpClient.newHttpClient();
        for (String format : List.of("CSV", "NDJSON")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + web.getWebServer().getPort()
                            + "/api/v1/opportunities/export?format=" + format))
                    .header("Authorization", BenchSupport.basic(BenchSupport.ACTOR, BenchSupport.ACTOR_PASSWORD))
                    .build();
            long begin = System.nanoTime();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            long lines = 0;
            long bytes = 0;
            try (InputStream body = response.body()) {
                byte[] buffer = new byte[1 << 16];
                for (int read = body.read(buffer); read > 0; read = body.read(buffer)) {
                    bytes += read;
                    for (int i = 0; i < read; i++) {
                        lines += buffer[i] == '\n' ? 1 : 0;
                    }
                }
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The deals' export answered " + response.statusCode());
            }
            long rows = format.equals("CSV") ? lines - 1 : lines;
            out.printf("deals exported over HTTP as %s by the administrator: %d rows (%.0f MB) in %.1f s (%s rows/s)%n",
                    format, rows, bytes / 1e6, seconds, format(rows / seconds));
            summary.put("export_deals_" + format.toLowerCase(Locale.ROOT) + "_rows_per_s", format(rows / seconds));
        }
    }

    /** Every projection emptied and rebuilt from the whole store at once, as {@code rebuild --all} does. */
    private void rebuiltAll() {
        ProjectionRebuild.Rebuilt rebuilt = ProjectionRebuild.rebuild(context,
                new LinkedHashSet<>(ProjectionTransactions.PROJECTIONS), out, false);
        double rate = rebuilt.head() / rebuilt.seconds();
        out.printf("rebuild of every projection (%d) at once from %d events in %.0f s (%s events/s), dead letters %s%n",
                ProjectionTransactions.PROJECTIONS.size(), rebuilt.head(), rebuilt.seconds(), format(rate),
                rebuilt.deadLetters());
        rebuilt.secondsByProjection().forEach((name, seconds) ->
                out.printf("  %s caught up after %.0f s%n", name, seconds));
        summary.put("rebuild_all_events_per_s", format(rate));
    }

    /**
     * The whole store read as analysts read it ({@code GET /api/v1/events}: JSON Lines, personal values decrypted),
     * written to nowhere, so that what is measured is the reading, decrypting and writing of the lines.
     */
    private void streamed() {
        EventStream stream = context.getBean(EventStream.class);
        long upTo = stream.stablePosition();
        CountingStream sink = new CountingStream();
        long start = System.nanoTime();
        stream.write(new EventStream.Query(0, upTo, Integer.MAX_VALUE, Set.of(), null), sink);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = sink.lines / seconds;
        out.printf("event stream of the whole store: %d events (%.0f MB of JSON Lines) in %.1f s (%s events/s)%n",
                sink.lines, sink.bytes / 1e6, seconds, format(rate));
        summary.put("stream_events_per_s", format(rate));
    }

    /** Counts the lines and bytes written to it, and keeps none. */
    private static final class CountingStream extends OutputStream {

        private long lines;
        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] data, int offset, int length) {
            bytes += length;
            for (int i = offset; i < offset + length; i++) {
                if (data[i] == '\n') {
                    lines++;
                }
            }
        }
    }

    /**
     * The auditor's view over the same store: the newest page of 50 events by a rep (round-robin over the reps,
     * whose deals and activities this run generated), and the whole history of a deal picked at random.
     */
    private void auditorsReads(List<String> reps) {
        AuditReads audit = new AuditReads(context);
        List<String> deals = new JdbcTemplate(context.getBean(DataSource.class)).queryForList(
                "select aggregateidentifier from domainevententry where type = 'Opportunity' and sequencenumber = 0 "
                        + "order by random() limit 500", String.class);
        int[] next = {0};
        long[] entries = {0, 0};
        double[] byUser = timed("audit view, newest 50 events of a rep", () -> {
            entries[0] += audit.newestByUser(reps.get(next[0]++ % reps.size()), 50);
            return null;
        });
        double[] history = timed("audit view, a deal's whole history", () -> {
            entries[1] += audit.history(AuditRecordType.OPPORTUNITY, deals.get(next[0]++ % deals.size()));
            return null;
        });
        int reads = options.salesReads() + 1;
        out.printf("  (%.1f entries per page of a rep, %.1f per deal's history)%n", (double) entries[0] / reads,
                (double) entries[1] / reads);
        summary.put("audit_user_page_ms_p95", millis(byUser[1]));
        summary.put("audit_record_history_ms_p95", millis(history[1]));
    }

    /**
     * The whole store sealed (the sealer's task has sealed most of it meanwhile; of two more runs, the first takes
     * the horizon and the next seals up to it), then one verification checks every stream's chain and every seal,
     * as {@code POST /api/v1/audit/verifications} does.
     */
    private void sealedAndVerified() {
        EventSealer sealer = context.getBean(EventSealer.class);
        sealer.sealStable();
        sealer.sealStable();
        long start = System.nanoTime();
        Verification verification = context.getBean(StoreVerifier.class).verify(null, null);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!verification.intact()) {
            throw new IllegalStateException("The benchmark's store does not verify: " + verification.problems());
        }
        double rate = verification.checkedEvents() / seconds;
        out.printf("verification of the whole store: %d events and %d seals in %.1f s (%s events/s), intact%n",
                verification.checkedEvents(), verification.checkedSeals(), seconds, format(rate));
        summary.put("verification_events_per_s", format(rate));
    }

    private Object forecast(String userId, ForecastPeriod period, Instant asOf, Viewer viewer) {
        return queries().query(new FindForecast(userId, period, asOf, viewer),
                ResponseTypes.optionalInstanceOf(ForecastView.class)).join().orElseThrow();
    }

    private Object dashboard(String userId, ForecastPeriod period, Viewer viewer) {
        return queries().query(new FindDashboard(userId, period, 4, 30, now, viewer),
                ResponseTypes.optionalInstanceOf(DashboardView.class)).join().orElseThrow();
    }

    /** Times {@code options.salesReads()} reads after one unmeasured, and answers their p50 and p95 in ms. */
    private double[] timed(String label, Supplier<Object> read) {
        read.get();
        long[] nanos = new long[options.salesReads()];
        for (int i = 0; i < nanos.length; i++) {
            long begin = System.nanoTime();
            read.get();
            nanos[i] = System.nanoTime() - begin;
        }
        double[] percentiles = {percentileMillis(nanos, 0.5), percentileMillis(nanos, 0.95)};
        out.printf("%s: p50 %s ms, p95 %s ms%n", label, millis(percentiles[0]), millis(percentiles[1]));
        return percentiles;
    }

    /** Registers the organisation through the command bus and answers its reps once the read model has them. */
    private List<String> organisation(String vp) throws Exception {
        CommandGateway commands = context.getBean(CommandGateway.class);
        List<String> reps = new ArrayList<>();
        new ActingContext(ACTOR, null, UUID.randomUUID().toString()).call(() -> {
            commands.sendAndWait(register(vp, Profile.SALES_MANAGER, null));
            for (int d = 0; d < DIRECTORS; d++) {
                String director = "director-" + run + "-" + d;
                commands.sendAndWait(register(director, Profile.SALES_MANAGER, vp));
                for (int m = 0; m < MANAGERS_PER_DIRECTOR; m++) {
                    String manager = "manager-" + run + "-" + d + "-" + m;
                    commands.sendAndWait(register(manager, Profile.SALES_MANAGER, director));
                    for (int r = 0; r < REPS_PER_MANAGER; r++) {
                        String rep = "rep-" + run + "-" + d + "-" + m + "-" + r;
                        commands.sendAndWait(register(rep, Profile.SALES_REP, manager));
                        reps.add(rep);
                    }
                }
            }
            return null;
        });
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (jdbc.queryForObject("select count(*) from org_user where id = ?", Long.class, reps.get(reps.size() - 1))
                == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The organisation read model did not show the benchmark's reps");
            }
            Thread.sleep(50);
        }
        return reps;
    }

    private static RegisterUser register(String userId, Profile profile, String managerId) {
        return new RegisterUser(userId, userId, userId + "@relais.example", profile, managerId);
    }

    /** Appends accounts and their deals with calls and meetings, round-robin over the reps, until {@code wanted}. */
    private long generate(List<String> reps, long wanted) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        long appended = 0;
        int deal = 0;
        while (appended + events.size() < wanted) {
            String owner = reps.get(deal % reps.size());
            String accountId = accountId(deal, reps.size());
            if (accountId.endsWith("-" + deal)) {
                events.add(event("Account", accountId, 0, new AccountCreated(accountId, account(deal), owner), owner,
                        now.minus(Duration.ofDays(400))));
            }
            dealHistory(events, "bench-deal-" + run + "-" + deal, accountId, owner);
            deal++;
            if (events.size() >= 50_000) {
                append(context, events);
                appended += events.size();
                events.clear();
            }
        }
        append(context, events);
        return appended + events.size();
    }

    /** The account the deal belongs to: each rep's deals go to that rep's accounts, 25 deals per account. */
    private String accountId(int deal, int reps) {
        int firstOfAccount = deal / (DEALS_PER_ACCOUNT * reps) * (DEALS_PER_ACCOUNT * reps) + deal % reps;
        return "bench-account-" + run + "-" + firstOfAccount;
    }

    private AccountDetails account(int n) {
        SampleCompanies.Company company = new SampleCompanies(11).company(n);
        return new AccountDetails(company.legalName(), null, new Address("1 rue de la Paix", company.postalCode(),
                company.city(), "FR"), null, n % 3 == 0 ? null : company.phone(), n % 2 == 0 ? null : company.website(),
                company.siren(), company.siret(), "62.01Z", n % 4 == 0 ? 50 : null, null, null, "30 jours", null, null,
                null, null);
    }

    /**
     * A deal of the last year: opened in prospecting, moved forward a few stages, its amount and close date
     * revised now and then, then won, lost or still open; two calls and a meeting along the way.
     */
    private void dealHistory(List<DomainEventMessage<?>> events, String id, String accountId, String owner) {
        Instant at = now.minus(Duration.ofDays(5 + random.nextInt(360)));
        String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
        BigDecimal amount = BigDecimal.valueOf(1_000 + random.nextInt(99) * 1_000L);
        LocalDate closeDate = day(at).plusDays(30 + random.nextInt(120));
        long seq = 0;
        SalesStage stage = stages.get(0);
        events.add(event("Opportunity", id, seq++, new OpportunityOpened(id, accountId, "Contrat " + id, owner, null,
                null, currency, amount, closeDate, "STANDARD", stage), owner, at));
        int moves = random.nextInt(stages.size());
        for (int i = 1; i <= moves && at.plus(Duration.ofDays(10)).isBefore(now); i++) {
            at = later(at, 10);
            SalesStage next = stages.get(i);
            events.add(event("Opportunity", id, seq++, new OpportunityStageChanged(id, stage, next), owner, at));
            stage = next;
        }
        if (random.nextBoolean() && at.plus(Duration.ofDays(5)).isBefore(now)) {
            at = later(at, 5);
            BigDecimal revised = amount.add(BigDecimal.valueOf((random.nextInt(11) - 5) * 500L)).max(BigDecimal.valueOf(500));
            events.add(event("Opportunity", id, seq++, new OpportunityAmountChanged(id, amount, revised), owner, at));
            amount = revised;
        }
        if (random.nextInt(3) == 0 && at.plus(Duration.ofDays(5)).isBefore(now)) {
            at = later(at, 5);
            LocalDate moved = closeDate.plusDays(15 + random.nextInt(45));
            events.add(event("Opportunity", id, seq++, new OpportunityCloseDateChanged(id, closeDate, moved), owner, at));
        }
        Instant meeting = later(at, 3);
        if (meeting.isBefore(now)) {
            calls(events, id, accountId, owner, at);
            String meetingId = id + "-meeting";
            events.add(event("Activity", meetingId, 0, new ActivityScheduled(meetingId, ActivityKind.MEETING, "Rendez-vous",
                    null, new ActivityLinks(accountId, null, id), meeting, owner, null), owner, at));
            events.add(event("Activity", meetingId, 1, new ActivityCompleted(meetingId, "Tenu", meeting, false), owner,
                    meeting));
        }
        int outcome = random.nextInt(10);
        Instant closing = later(meeting, 10);
        if (outcome < 4 && closing.isBefore(now)) {
            events.add(event("Opportunity", id, seq, new OpportunityWon(id, accountId, owner, currency, amount,
                    day(closing), stage), owner, closing));
        } else if (outcome < 7 && closing.isBefore(now)) {
            events.add(event("Opportunity", id, seq, new OpportunityLost(id, LossReason.values()[outcome % 6], null,
                    day(closing), stage), owner, closing));
        }
    }

    private void calls(List<DomainEventMessage<?>> events, String dealId, String accountId, String owner, Instant at) {
        for (int i = 0; i < 2; i++) {
            String callId = dealId + "-call-" + i;
            events.add(event("Activity", callId, 0, new ActivityLogged(callId, ActivityKind.CALL, "Appel", null,
                    new ActivityLinks(accountId, null, dealId), at, owner), owner, at));
        }
    }

    private Instant later(Instant at, int maxDays) {
        return at.plus(Duration.ofHours(1 + random.nextInt(maxDays * 24)));
    }

    private static LocalDate day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static DomainEventMessage<?> event(String type, String id, long seq, Object payload, String user,
                                               Instant at) {
        MetaData meta = MetaData.with(AuditMetadata.USER_ID, user)
                .and(AuditMetadata.CORRELATION_ID, UUID.randomUUID().toString());
        return new GenericDomainEventMessage<>(type, id, seq, payload, meta, UUID.randomUUID().toString(), at);
    }

    /** What the store and the read models take on disk, per event: the basis of docs/capacity.md. */
    private void storeSize() {
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        jdbc.execute("vacuum analyze domainevententry");
        long events = storedEvents();
        long eventTable = jdbc.queryForObject("select pg_total_relation_size('domainevententry')", Long.class);
        long database = jdbc.queryForObject("select pg_database_size(current_database())", Long.class);
        out.printf("store size: event table %.0f MB (%d bytes per event, indexes included), whole database %.0f MB "
                + "(%d bytes per event, read models included)%n", eventTable / 1e6, eventTable / events, database / 1e6,
                database / events);
        summary.put("store_bytes_per_event", Long.toString(eventTable / events));
        summary.put("database_bytes_per_event", Long.toString(database / events));
    }

    private long storedEvents() {
        return new JdbcTemplate(context.getBean(DataSource.class)).queryForObject(
                "select count(*) from domainevententry", Long.class);
    }

    private QueryGateway queries() {
        return context.getBean(QueryGateway.class);
    }
}
