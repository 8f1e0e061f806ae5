package io.relais.webhook;

import io.relais.RelaisApplication;
import io.relais.support.HttpApi;
import io.relais.support.TestDataDirectories;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An engine stopped while a delivery is on its way loses nothing and sends nothing out of order: started again,
 * it sends that delivery again (same webhook-id) and then the record's next events, in order.
 */
class WebhookDeliveriesSurviveRestartTest {

    private static final String PASSWORD = "webhook-admin-password";
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwJf0xR4nG8tA=";

    private final Path dataDirectory = TestDataDirectories.fresh("webhook-restart");

    @Test
    void aDeliveryCutShortByAStopIsSentAgainBeforeTheRecordsNextEvents() throws Exception {
        try (Receiver receiver = new Receiver()) {
            receiver.answer(body -> Receiver.HOLD);
            String leadId;
            try (ConfigurableApplicationContext first = start()) {
                HttpApi api = api(first);
                assertThat(api.post("/api/v1/webhooks", "{\"url\": \"" + receiver.url() + "\", \"recordTypes\": "
                        + "[\"LEAD\"], \"secret\": \"" + SECRET + "\"}").status()).isEqualTo(201);
                HttpApi.Response lead = api.post("/api/v1/leads", "{\"firstName\": \"Renée\", \"lastName\": \"Guérin\","
                        + " \"company\": \"Redémarrage SARL\", \"email\": \"renee@example.fr\", \"source\": \"REP_ENTRY\"}");
                assertThat(lead.status()).as(lead.toString()).isEqualTo(201);
                leadId = lead.body().get("id").asText();
                for (String city : List.of("Nantes", "Rennes")) {
                    assertThat(api.patch("/api/v1/leads/" + leadId, "{\"city\": \"" + city + "\"}").status())
                            .isEqualTo(200);
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.requests().isEmpty());
            }
            receiver.answer(body -> 200);

            try (ConfigurableApplicationContext second = start()) {
                await().atMost(Duration.ofMinutes(1)).until(() -> receiver.delivered().size() == 3);
                List<Receiver.Request> received = receiver.requests();
                assertThat(received).allMatch(request -> request.recordId().equals(leadId))
                        .allMatch(request -> Receiver.signedWith(SECRET, request));
                assertThat(received).extracting(Receiver.Request::sequenceNumber).as("in order").isSorted();
                assertThat(receiver.delivered()).extracting(Receiver.Request::sequenceNumber)
                        .as("each event taken once").containsExactly(0L, 1L, 2L);
                assertThat(received.get(0).answered()).isEqualTo(Receiver.HOLD);
                assertThat(received).filteredOn(request -> request.sequenceNumber() == 0)
                        .extracting(Receiver.Request::id).as("sent again under its id").containsOnly(
                                received.get(0).id());
            }
        }
    }

    /** The engine, its deliveries given 2 s to be answered (so held for 9 s when a node stops mid-attempt). */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RelaisApplication.class)
                .run("--server.port=0", "--relais.embedded-db.data-directory=" + dataDirectory,
                        "--relais.admin.password=" + PASSWORD, "--relais.security.password-hash-strength=4",
                        "--relais.webhooks.timeout=2s", "--relais.webhooks.poll-interval=200ms");
    }

    private static HttpApi api(ConfigurableApplicationContext context) {
        return new HttpApi(((WebServerApplicationContext) context).getWebServer().getPort()).basic("admin", PASSWORD);
    }
}
