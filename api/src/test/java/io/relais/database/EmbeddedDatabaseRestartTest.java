package io.relais.database;

import io.relais.RelaisApplication;
import io.relais.support.HttpApi;
import io.relais.support.HttpApi.Response;
import io.relais.support.TestDataDirectories;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default keeps its data in a folder: stop the application, start it again, the leads are
 * there, and so is the administrator's first password (a password configured later does not replace it); server
 * settings given for it apply.
 */
class EmbeddedDatabaseRestartTest {

    private static final String FIRST_PASSWORD = "the-first-admin-password";

    private final Path dataDirectory = TestDataDirectories.fresh("restart");

    @Test
    void leadsSurviveARestartOfTheApplication() {
        assertThat(dataDirectory).doesNotExist();
        String id;
        String body;
        try (ConfigurableApplicationContext first = start(FIRST_PASSWORD)) {
            HttpApi api = new HttpApi(port(first)).basic("admin", FIRST_PASSWORD);
            Response created = api.post("/api/v1/leads",
                    "{\"email\": \"restart@example.fr\", \"company\": \"Persistance SA\", \"source\": \"WEB_FORM\"}");
            id = created.body().get("id").asText();
            body = api.patch("/api/v1/leads/" + id, "{\"city\": \"Rennes\"}").body().toString();
            assertThat(first.getBean(JdbcTemplate.class).queryForObject("show synchronous_commit", String.class))
                    .isEqualTo("on");
            assertThat(first.getBean(JdbcTemplate.class).queryForObject("show max_parallel_workers_per_gather",
                    String.class)).as("parallel query off by default").isEqualTo("0");
        }

        assertThat(dataDirectory.resolve("PG_VERSION")).exists();
        try (ConfigurableApplicationContext second = start("a-password-given-too-late",
                "--relais.embedded-db.settings.work_mem=8MB",
                "--relais.embedded-db.settings.max_parallel_workers_per_gather=2")) {
            assertThat(second.getBean(JdbcTemplate.class).queryForObject("show work_mem", String.class))
                    .as("a server setting given for the embedded database").isEqualTo("8MB");
            assertThat(second.getBean(JdbcTemplate.class).queryForObject("show max_parallel_workers_per_gather",
                    String.class)).as("a default setting given again").isEqualTo("2");
            HttpApi api = new HttpApi(port(second)).basic("admin", FIRST_PASSWORD);
            Response read = api.get("/api/v1/leads/" + id);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body().toString()).isEqualTo(body);
            assertThat(api.get("/api/v1/leads/" + id + "/history").body().get("totalElements").asInt()).isEqualTo(2);
            Response qualified = api.post("/api/v1/leads/" + id + "/qualify", null);
            assertThat(qualified.header("ETag")).isEqualTo("\"2\"");
        }
    }

    private ConfigurableApplicationContext start(String adminPassword, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--relais.embedded-db.data-directory=" + dataDirectory, "--relais.admin.password=" + adminPassword,
                "--relais.security.password-hash-strength=4"));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(RelaisApplication.class).run(arguments.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
