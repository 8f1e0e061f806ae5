package io.relais.security;

import io.relais.RelaisApplication;
import io.relais.support.HttpApi;
import io.relais.support.HttpApi.Response;
import io.relais.support.TestDataDirectories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first start on an empty database, watched over HTTP from the moment the server listens, the way a
 * deployment script waits for health; then the throttling of failed sign-ins on that engine. Throttling is
 * tested here, not in the shared test application, because it spends the allowance of the one address all
 * tests come from.
 * <p>
 * The start-up work runs after the server listens; a first runner holds it until the test has looked once,
 * so that the test sees the engine before it is ready however fast or slow the machine is.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstStartAndThrottlingTest {

    private static final String ADMIN_PASSWORD = "first-start-password";
    private static final int FAILURES_PER_USER = 3;
    private static final int FAILURES_PER_ADDRESS = 8;

    private static final List<Observation> DURING_START = new ArrayList<>();
    private static ConfigurableApplicationContext application;
    private static HttpApi anonymous;

    /** What a client polling during the start saw: health and, when it was UP, the administrator's sign-in. */
    private record Observation(int healthStatus, String status, int administratorSignIn) {
    }

    /** Runs before every other runner, the administrator's bootstrap included, until the test has looked. */
    private record HeldStart(CountDownLatch looked) implements ApplicationRunner, Ordered {

        @Override
        public void run(ApplicationArguments args) throws InterruptedException {
            looked.await(5, TimeUnit.MINUTES);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    @BeforeAll
    static void startAndWatch() throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        CountDownLatch looked = new CountDownLatch(1);
        CompletableFuture<ConfigurableApplicationContext> started = CompletableFuture.supplyAsync(() ->
                new SpringApplicationBuilder(RelaisApplication.class)
                        .initializers(context -> context.getBeanFactory()
                                .registerSingleton("heldStart", new HeldStart(looked)))
                        .listeners(event -> {
                            if (event instanceof WebServerInitializedEvent initialized) {
                                port.complete(initialized.getWebServer().getPort());
                            }
                        })
                        .run("--server.port=0",
                                "--relais.embedded-db.data-directory=" + TestDataDirectories.fresh("first-start"),
                                "--relais.admin.password=" + ADMIN_PASSWORD,
                                "--relais.security.password-hash-strength=4",
                                "--relais.security.sign-in-failures.per-user=" + FAILURES_PER_USER,
                                "--relais.security.sign-in-failures.per-address=" + FAILURES_PER_ADDRESS,
                                // nothing comes back while the tests run
                                "--relais.security.sign-in-failures.window=1h"));
        CompletableFuture.anyOf(port, started).get(5, TimeUnit.MINUTES);
        anonymous = new HttpApi(port.getNow(null));
        HttpApi administrator = anonymous.basic("admin", ADMIN_PASSWORD);
        while (!started.isDone()) {
            Response health = anonymous.get("/actuator/health");
            DURING_START.add(new Observation(health.status(), health.body().path("status").asText(),
                    health.status() == 200 ? administrator.get("/api/v1/me").status() : 0));
            looked.countDown();
        }
        application = started.get();
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
    }

    @Test
    @Order(1)
    void healthIsUpOnlyOnceTheAdministratorCanSignIn() {
        // the first look comes while the start-up work is held: not ready (components still starting may say DOWN)
        assertThat(DURING_START.get(0).healthStatus()).isEqualTo(503);
        assertThat(DURING_START.get(0).status()).isIn("OUT_OF_SERVICE", "DOWN");
        assertThat(DURING_START).filteredOn(seen -> seen.healthStatus() != 503)
                .allSatisfy(seen -> assertThat(seen).isEqualTo(new Observation(200, "UP", 200)));

        assertThat(anonymous.get("/actuator/health").body().get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous.basic("admin", ADMIN_PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void afterTooManyFailuresAUserIsRefusedWith429EvenWithTheRightPassword() {
        String user = register("guessed");
        for (int i = 0; i < FAILURES_PER_USER; i++) {
            assertThat(anonymous.basic(user, "wrong-password-" + i).get("/api/v1/me").status()).isEqualTo(401);
        }

        for (Response throttled : new Response[]{
                anonymous.basic(user, "wrong-password-again").get("/api/v1/me"),
                anonymous.basic(user, passwordOf(user)).get("/api/v1/me")}) {
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 3600L);
            assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
            assertThat(throttled.body().get("type").asText())
                    .isEqualTo("urn:relais:problem:too-many-sign-in-failures");
        }
        assertThat(anonymous.basic("admin", ADMIN_PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
    }

    /** Runs last: once the address's allowance is spent, every request from it is refused, the tests' too. */
    @Test
    @Order(3)
    void afterTooManyFailuresFromOneAddressEveryUserIsRefusedThereAndSuccessesDoNotRestoreIt() {
        List<String> colleagues = new ArrayList<>();
        for (int i = 0; i < FAILURES_PER_ADDRESS; i++) {
            colleagues.add(register("colleague"));
        }
        // the previous test spent FAILURES_PER_USER of this address's failures
        int left = FAILURES_PER_ADDRESS - FAILURES_PER_USER;
        for (int i = 0; i < left; i++) {
            String colleague = colleagues.get(i);
            assertThat(anonymous.basic(colleague, passwordOf(colleague)).get("/api/v1/me").status()).isEqualTo(200);
            assertThat(anonymous.basic("nobody-" + i, "any-password-at-all").get("/api/v1/me").status())
                    .isEqualTo(401);
        }

        String unused = colleagues.get(left);
        for (Response throttled : new Response[]{
                anonymous.basic("nobody-else", "any-password-at-all").get("/api/v1/me"),
                anonymous.basic(unused, passwordOf(unused)).get("/api/v1/me"),
                anonymous.basic("admin", ADMIN_PASSWORD).get("/api/v1/me")}) {
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.header("Retry-After")).isNotBlank();
        }
    }

    private static String register(String name) {
        String id = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = anonymous.basic("admin", ADMIN_PASSWORD).post("/api/v1/users", "{\"userId\": \"" + id
                + "\", \"displayName\": \"" + name + "\", \"profile\": \"SALES_REP\", \"password\": \""
                + passwordOf(id) + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return id;
    }

    private static String passwordOf(String user) {
        return "password-of-" + user;
    }
}
