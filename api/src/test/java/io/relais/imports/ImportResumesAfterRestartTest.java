package io.relais.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.RelaisApplication;
import io.relais.support.HttpApi;
import io.relais.support.TestDataDirectories;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An import stopped with its engine resumes when the engine starts again, from its last counted batch: every
 * row's lead made once, none twice, and the counts those of one uninterrupted import.
 */
class ImportResumesAfterRestartTest {

    private static final String PASSWORD = "import-admin-password";
    private static final int ROWS = 2_000;

    private final Path dataDirectory = TestDataDirectories.fresh("import-restart");

    @Test
    void anImportStoppedMidwayByARestartEndsWithEveryRowImportedOnce() {
        String tag = "Reprise" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder file = new StringBuilder("Société;E-mail\n");
        for (int i = 0; i < ROWS; i++) {
            file.append(tag).append(" Atelier ").append(i).append(";atelier").append(i).append("@example.fr\n");
        }
        String id;
        try (ConfigurableApplicationContext first = start(1, 10)) {
            HttpApi api = api(first);
            // the API description, which every answer is checked against, is read before the import starts
            assertThat(api.get("/api/v1/imports/" + UUID.randomUUID()).status()).isEqualTo(404);
            HttpApi.Response started = api.postFile("/api/v1/imports", "reprise.csv",
                    file.toString().getBytes(StandardCharsets.UTF_8), "kind", "LEADS");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            id = started.body().get("id").asText();
            await().atMost(Duration.ofMinutes(1)).until(() -> api.get("/api/v1/imports/" + id).body().get("read")
                    .asInt() >= 50);
        }

        try (ConfigurableApplicationContext second = start(4, 100)) {
            HttpApi api = api(second);
            JsonNode stopped = api.get("/api/v1/imports/" + id).body();
            assertThat(stopped.get("status").asText()).isEqualTo("RUNNING");
            assertThat(stopped.get("read").asInt()).as("stopped midway").isLessThan(ROWS);

            await().atMost(Duration.ofMinutes(3)).until(() -> !api.get("/api/v1/imports/" + id).body().get("status")
                    .asText().equals("RUNNING"));

            JsonNode done = api.get("/api/v1/imports/" + id).body();
            assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
            assertThat(done.get("read").asInt()).isEqualTo(ROWS);
            assertThat(done.get("created").asInt()).isEqualTo(ROWS);
            assertThat(done.get("alreadyImported").asInt()).isZero();
            // the lead list shows them once its projection has caught up with the import's last batch
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(api.get("/api/v1/leads?q=" + tag
                    + "&size=1").body().get("totalElements").asInt()).isEqualTo(ROWS));
        }
    }

    /** The engine, importing in batches of {@code batchSize} rows on {@code senders} threads (slowly at first). */
    private ConfigurableApplicationContext start(int senders, int batchSize) {
        return new SpringApplicationBuilder(RelaisApplication.class)
                .run("--server.port=0", "--relais.embedded-db.data-directory=" + dataDirectory,
                        "--relais.admin.password=" + PASSWORD, "--relais.security.password-hash-strength=4",
                        "--db-scheduler.polling-interval=200ms", "--relais.imports.batch-size=" + batchSize,
                        "--relais.imports.senders=" + senders);
    }

    private static HttpApi api(ConfigurableApplicationContext context) {
        return new HttpApi(((WebServerApplicationContext) context).getWebServer().getPort()).basic("admin", PASSWORD);
    }
}
