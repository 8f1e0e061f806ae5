package io.relais.database;

import io.relais.RelaisApplication;
import io.relais.support.HttpApi;
import io.relais.support.SealKeyFiles;
import io.relais.support.TestDataDirectories;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With {@code spring.datasource.url} set, the application uses that server (here a separately started
 * PostgreSQL standing in for the production one) and starts no database of its own.
 */
class ExternalDatabaseTest {

    /** What production gives it: 32 random bytes in Base64 (ADR 013). */
    private static final String MASTER_KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

    @Test
    void aConfiguredDatasourceIsUsedInsteadOfTheEmbeddedDatabase() throws Exception {
        try (EmbeddedPostgres external = externalDatabase("external")) {
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RelaisApplication.class)
                    .run(arguments(external, Stream.concat(Stream.of("--relais.personal-data.master-key=" + MASTER_KEY),
                            Stream.of(sealKeys("external"))).toArray(String[]::new)))) {
                assertThat(app.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                String id = new HttpApi(port).basic("admin", "external-admin-password").post("/api/v1/leads",
                        "{\"email\": \"external@example.fr\", \"source\": \"REP_ENTRY\"}").body().get("id").asText();

                try (Connection connection = external.getDatabase("relais", "relais").getConnection();
                     Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery(
                             "select payload from domainevententry where aggregateidentifier = '" + id + "'")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).startsWith("{").contains("\"email\":null", "\"$personal\"")
                            .doesNotContain("external@example.fr");
                }
            }
        }
    }

    @Test
    void withoutAMasterKeyTheEngineDoesNotStartAndSaysHowToGiveOne() throws Exception {
        try (EmbeddedPostgres external = externalDatabase("external-no-key")) {
            assertThatThrownBy(() -> new SpringApplicationBuilder(RelaisApplication.class)
                    .run(arguments(external, sealKeys("external-no-key"))).close())
                    .rootCause().hasMessageContaining("No master key for personal data")
                    .hasMessageContaining("relais.personal-data.master-key-file");
        }
    }

    @Test
    void withoutAKeyToSignTheSealsTheEngineDoesNotStartAndSaysHowToMakeOne() throws Exception {
        try (EmbeddedPostgres external = externalDatabase("external-no-seal-key")) {
            assertThatThrownBy(() -> new SpringApplicationBuilder(RelaisApplication.class)
                    .run(arguments(external, "--relais.personal-data.master-key=" + MASTER_KEY)).close())
                    .rootCause().hasMessageContaining("No key to sign the event store's seals")
                    .hasMessageContaining("openssl genpkey -algorithm ed25519");
        }
    }

    private static String[] sealKeys(String name) {
        return SealKeyFiles.arguments(TestDataDirectories.fresh(name + "-keys")).toArray(String[]::new);
    }

    private static EmbeddedPostgres externalDatabase(String name) throws Exception {
        EmbeddedPostgres external = EmbeddedPostgres.builder().setDataDirectory(TestDataDirectories.fresh(name)).start();
        try (Connection admin = external.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("create user relais with password 'secret'");
            statement.execute("create database relais owner relais");
        }
        return external;
    }

    private static String[] arguments(EmbeddedPostgres external, String... more) {
        return Stream.concat(Stream.of("--server.port=0",
                "--spring.datasource.url=" + external.getJdbcUrl("relais", "relais"),
                "--spring.datasource.username=relais",
                "--spring.datasource.password=secret",
                "--relais.admin.password=external-admin-password",
                "--relais.security.password-hash-strength=4"), Stream.of(more)).toArray(String[]::new);
    }
}
