package io.relais.activity;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.RelaisApplication;
import io.relais.support.HttpApi;
import io.relais.support.TestDataDirectories;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A task's reminder and overdue alert are stored, not held in memory: scheduled before a stop and due while
 * the engine is down, they fire after it starts again.
 */
class DeadlinesSurviveRestartTest {

    private static final String PASSWORD = "deadline-admin-password";

    private final Path dataDirectory = TestDataDirectories.fresh("deadlines");

    @Test
    void aReminderAndAnOverdueAlertDueWhileTheEngineIsStoppedFireAfterItStarts() {
        String taskId;
        Instant due;
        try (ConfigurableApplicationContext first = start()) {
            HttpApi api = api(first);
            String account = api.post("/api/v1/accounts", "{\"legalName\": \"Horlogerie Durable\"}").body().get("id")
                    .asText();
            due = Instant.now().plusSeconds(14).truncatedTo(ChronoUnit.MILLIS);
            taskId = api.post("/api/v1/activities/schedule", "{\"kind\": \"TASK\", \"subject\": \"Relancer\", "
                    + "\"accountId\": \"" + account + "\", \"dueAt\": \"" + due + "\", \"remindAt\": \""
                    + due.minusSeconds(4) + "\"}").body().get("id").asText();
            assertThat(first.getBean(JdbcTemplate.class).queryForObject("select count(*) from scheduled_tasks "
                    + "where task_name = 'AxonDeadline'", Long.class)).isEqualTo(2);
            assertThat(alertKinds(api, taskId)).isEmpty();
        }
        assertThat(Instant.now()).as("stopped before the reminder was due").isBefore(due.minusSeconds(4));

        try (ConfigurableApplicationContext second = start()) {
            HttpApi api = api(second);
            await().atMost(Duration.ofSeconds(60)).until(() -> alertKinds(api, taskId).size() == 2);
            assertThat(alertKinds(api, taskId)).containsExactlyInAnyOrder("REMINDER", "OVERDUE");
            assertThat(api.get("/api/v1/activities/" + taskId).body().get("overdue").asBoolean()).isTrue();
        }
    }

    private static List<String> alertKinds(HttpApi api, String activityId) {
        List<String> kinds = new ArrayList<>();
        for (JsonNode alert : api.get("/api/v1/alerts?size=100").body().get("content")) {
            if (alert.get("activityId").asText().equals(activityId)) {
                kinds.add(alert.get("kind").asText());
            }
        }
        return kinds;
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RelaisApplication.class)
                .run("--server.port=0", "--relais.embedded-db.data-directory=" + dataDirectory,
                        "--relais.admin.password=" + PASSWORD, "--relais.security.password-hash-strength=4",
                        "--db-scheduler.polling-interval=200ms");
    }

    private static HttpApi api(ConfigurableApplicationContext context) {
        return new HttpApi(((WebServerApplicationContext) context).getWebServer().getPort()).basic("admin", PASSWORD);
    }
}
