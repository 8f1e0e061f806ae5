package io.relais.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.fuzz.Fixture.Caller;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.AxonServerUnderTest;
import io.relais.support.HttpApi.Response;
import io.relais.support.SealKeyFiles;
import io.relais.support.TestDataDirectories;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestContextManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends generated and mutated requests to every operation of the live OpenAPI description, as an
 * administrator, a manager, a rep, a data steward and anonymously (see {@link RequestArbitraries}), and checks
 * after each: never a 5xx; every error is an RFC 9457 problem with {@code type}, {@code title} and
 * {@code status}; a refused request stores no event. After the run every event processor must be healthy, hold
 * no dead letter and have caught up.
 *
 * <p>{@code -Drelais.fuzz.requests=100000} sends more requests than the default 2,000; with
 * {@code -Drelais.fuzz.keep-going=true} the run does not stop (nor shrink) at the first broken invariant but
 * lists every distinct one at the end, each with the first request that broke it. The engine runs on a
 * database of its own, since accepted requests change organisation-wide settings (lead routing, exchange
 * rates) that other tests rely on. So it does not run against Axon Server ({@link AxonServerUnderTest}): its engine
 * there would share the other tests' engine's commands.
 */
@AddLifecycleHook(ApiFuzzTest.NotAgainstAxonServer.class)
class ApiFuzzTest extends ApiTestSupport {

    private static final Logger log = LoggerFactory.getLogger(ApiFuzzTest.class);
    private static final int REQUESTS = Integer.getInteger("relais.fuzz.requests", 2000);
    private static final boolean KEEP_GOING = Boolean.getBoolean("relais.fuzz.keep-going");
    private static final EmbeddedPostgres DATABASE = startDatabase();
    private static final FuzzFigures FIGURES = new FuzzFigures();

    private static TestContextManager spring;
    private static RequestArbitraries requests;
    /**
     * An administrator no fuzzed request names, who reads health after the run: fuzzed requests may change the
     * password of {@code admin} itself.
     */
    private static TestUser observer;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("relais.personal-data.master-key", () -> "ZnV6ei1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzLWxvbmc=");
        for (String sealKey : SealKeyFiles.arguments(TestDataDirectories.fresh("fuzz-seal-keys"))) {
            String[] property = sealKey.substring(2).split("=", 2);
            registry.add(property[0], () -> property[1]);
        }
        // a projection stopped by a bad event must not make every later write wait the default 5 s
        registry.add("relais.api.read-your-writes-timeout", () -> "1s");
    }

    /** jqwik makes an instance per property: Spring fills it in from its cached application context. */
    ApiFuzzTest() throws Exception {
        if (spring == null) {
            spring = new TestContextManager(ApiFuzzTest.class);
        }
        spring.prepareTestInstance(this);
    }

    @Provide
    Arbitrary<FuzzRequest> requests() {
        if (requests == null) {
            observer = user("fuzz-observer", Profile.ADMINISTRATOR);
            Map<String, TestUser> registered = new HashMap<>();
            Fixture fixture = Fixture.create(api(), anonymous(), (profile, manager) -> {
                TestUser user = user("fuzz-" + profile.name().toLowerCase().replace('_', '-'), profile,
                        manager == null ? null : registered.get(manager.userId()));
                registered.put(user.id(), user);
                return new Caller(profile.name().toLowerCase() + " " + user.id(), user.id(), user.api());
            }, this::awaitSettled);
            requests = new RequestArbitraries(ApiDescription.of(api().get("/v3/api-docs").body()), fixture);
        }
        return requests.requests();
    }

    @Property
    @AddLifecycleHook(RequestCount.class)
    void noRequestBreaksTheApi(@ForAll("requests") FuzzRequest request) {
        long head = eventHead();
        Response response;
        try {
            response = request.send();
        } catch (IllegalArgumentException unsendable) {
            FIGURES.unsendable();
            return;
        } catch (IllegalStateException noAnswer) {
            String cause = String.valueOf(noAnswer.getCause());
            fail(request, List.<String[]>of(new String[] {"no HTTP answer: " + cause, "no answer"}), cause);
            return;
        }
        FIGURES.answered(request, response.status(), response.body().path("type").asText("none"));
        List<String[]> faults = faults(response, response.status() >= 400 ? eventsByRequestsSince(head) : 0);
        if (!faults.isEmpty()) {
            fail(request, faults, response.status() + " " + response.header("Content-Type") + " "
                    + FuzzRequest.readable(abbreviate(response.raw().body())));
        }
    }

    /** The broken invariants, each as a description and the kind it is grouped under. */
    private static List<String[]> faults(Response response, long storedEvents) {
        int status = response.status();
        List<String[]> faults = new ArrayList<>();
        String contentType = String.valueOf(response.header("Content-Type"));
        JsonNode problem = response.body();
        String type = problem.path("type").asText(contentType);
        if (status >= 500) {
            faults.add(new String[] {"answered " + status, status + " " + type});
        }
        if (status >= 400 && !contentType.startsWith("application/problem+json")) {
            faults.add(new String[] {"an error that is not a problem (Content-Type " + contentType + ")",
                    status + " not a problem: " + contentType});
        } else if (status >= 400 && !(problem.path("type").isTextual() && problem.path("title").isTextual()
                && problem.path("status").asInt() == status)) {
            faults.add(new String[] {"a problem without type, title or the right status", status + " incomplete problem"});
        }
        if (storedEvents > 0) {
            faults.add(new String[] {"refused with " + status + " but stored " + storedEvents + " event(s)",
                    status + " " + type + " stored events"});
        }
        return faults;
    }

    private void fail(FuzzRequest request, List<String[]> faults, String answer) {
        faults.forEach(fault -> FIGURES.violated(fault[0], fault[1], !fault[1].contains("not a problem"), request,
                answer));
        if (!KEEP_GOING) {
            throw new AssertionError(faults.stream().map(f -> f[0]).collect(Collectors.joining("; "))
                    + "\n  request: " + request.toString().replace("\n", "\n  ") + "\n  answer: " + answer);
        }
    }

    @AfterProperty
    void everyProcessorIsHealthyAndCaughtUp() {
        List<String> faults = new ArrayList<>();
        try {
            awaitSettled();
        } catch (ConditionTimeoutException e) {
            faults.add("an event processor did not catch up within 60 s: " + e.getMessage());
        }
        JsonNode processors = observer.api().get("/actuator/health").body().path("components")
                .path("eventProcessors");
        if (!processors.path("status").asText().equals("UP")) {
            faults.add("event processors are " + processors);
        }
        jdbc.queryForList("select processinggroup, payloadtype, count(*) as letters from deadletterentry "
                        + "group by processinggroup, payloadtype order by processinggroup")
                .forEach(row -> faults.add("dead letters in " + row.get("processinggroup") + ": "
                        + row.get("letters") + " × " + row.get("payloadtype")));
        List<String> lags = anonymous().get("/actuator/prometheus").raw().body().lines()
                .filter(line -> line.startsWith("relais_projection_lag{")).toList();
        if (lags.isEmpty()) {
            faults.add("no relais_projection_lag metric to read the projections' lag from");
        }
        lags.stream().filter(line -> !line.endsWith(" 0.0"))
                .forEach(line -> faults.add("projection lag after the run: " + line));

        log.info("{}\n{}", FIGURES.report(), FIGURES.violations().values().stream().map(Object::toString)
                .collect(Collectors.joining("\n")));
        if (KEEP_GOING && !FIGURES.violations().isEmpty()) {
            faults.add(FIGURES.violations().size() + " distinct broken invariants:\n" + FIGURES.violations().entrySet()
                    .stream().map(Map.Entry::getKey).collect(Collectors.joining("\n")));
        }
        if (!faults.isEmpty()) {
            throw new AssertionError("After " + FIGURES.requests() + " fuzzed requests:\n" + String.join("\n", faults));
        }
    }

    @AfterContainer
    static void closeApplicationAndDatabase() throws IOException {
        if (spring != null) {
            spring.getTestContext().markApplicationContextDirty(DirtiesContext.HierarchyMode.EXHAUSTIVE);
        }
        DATABASE.close();
    }

    private long eventHead() {
        return jdbc.queryForObject("select coalesce(max(globalindex), 0) from domainevententry", Long.class);
    }

    /** {@link #storedEvents()} counted from a position on, so that its cost does not grow with the store. */
    private long eventsByRequestsSince(long head) {
        return jdbc.queryForObject("select count(*) from domainevententry where globalindex > ? "
                + "and cast(metadata as jsonb) ->> 'userId' not like 'system:%'", Long.class, head);
    }

    private static String abbreviate(String body) {
        return body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }

    private static EmbeddedPostgres startDatabase() {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(TestDataDirectories.fresh("fuzz")).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the number of tries (of requests) and, with {@code relais.fuzz.seed}, the seed of a run to replay. */
    static class NotAgainstAxonServer implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return AxonServerUnderTest.on()
                    ? SkipResult.skip("runs an engine of its own, which would share the commands of the other tests' "
                    + "engine on Axon Server")
                    : SkipResult.doNotSkip();
        }
    }

    static class RequestCount implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            context.attributes().setTries(REQUESTS);
            String seed = System.getProperty("relais.fuzz.seed");
            if (seed != null) {
                context.attributes().setSeed(seed);
            }
            return property.execute();
        }
    }
}
