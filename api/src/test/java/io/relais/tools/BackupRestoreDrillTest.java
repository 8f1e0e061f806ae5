package io.relais.tools;

import io.relais.RelaisApplication;
import io.relais.support.ApiTestSupport;
import io.relais.support.BackupTables;
import io.relais.support.HttpApi;
import io.relais.support.SalesHistory;
import io.relais.support.Settling;
import io.relais.support.TestDataDirectories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' way back, tried as they would: a varied history, a backup while the engine runs, more writes,
 * then a restore into an empty folder and a start there. Every table comes back as it was at the backup (events,
 * keys, credentials, deadlines, read models), the chain verifies, and the engine goes on from there. On the
 * way, the stopped original store is rebuilt from the command line, and its read models equal the live ones.
 */
class BackupRestoreDrillTest {

    private static final String PASSWORD = "drill-admin-password";
    /** Rows that an engine rewrites as it runs, whatever its history: the processors' claims and the seals. */
    private final Path original = TestDataDirectories.fresh("drill-original");
    private final Path restored = TestDataDirectories.fresh("drill-restored");

    @TempDir
    Path folder;

    @Test
    void aBackupTakenWhileTheEngineRunsComesBackInAnEmptyFolderAsItWasAndRebuildsEqualTheLiveReadModels()
            throws IOException {
        Path backup = folder.resolve("backup.zip");
        Path live = folder.resolve("live.zip");
        Path rebuilt = folder.resolve("rebuilt.zip");
        Path again = folder.resolve("again.zip");
        String kept;
        String afterBackup;
        long backedUpHead;
        try (ConfigurableApplicationContext engine = start(original, PASSWORD)) {
            HttpApi admin = api(engine, PASSWORD);
            kept = ApiTestSupport.created(admin.post("/api/v1/leads", "{\"firstName\": \"Sauvée\", \"lastName\": "
                    + "\"Martin\", \"email\": \"sauvee@example.fr\", \"company\": \"Sauvegarde SA\", "
                    + "\"source\": \"WEB_FORM\"}"));
            admin.post("/api/v1/leads/" + kept + "/qualify", null);
            assertThat(admin.post("/api/v1/leads/" + kept + "/convert", "{}").status()).isEqualTo(200);
            String account = SalesHistory.account(admin, "Archives Durables SARL");
            SalesHistory.win(admin, account, "18250.75");
            SalesHistory.open(admin, account, "4000");
            ApiTestSupport.created(admin.post("/api/v1/activities/schedule", "{\"kind\": \"TASK\", \"subject\": "
                    + "\"Relancer les archives\", \"accountId\": \"" + account + "\", \"dueAt\": \""
                    + Instant.now().plus(30, ChronoUnit.DAYS) + "\"}"));
            String erased = ApiTestSupport.created(admin.post("/api/v1/leads", "{\"firstName\": \"Oubliée\", "
                    + "\"email\": \"oubliee@example.fr\", \"company\": \"Effacement SA\", \"source\": \"WEB_FORM\"}"));
            assertThat(admin.post("/api/v1/data-subjects/LEAD/" + erased + "/erasure", "{\"reason\": \"Asked\"}")
                    .status()).isEqualTo(200);
            Settling.awaitSettled(engine);

            assertThat(tool("backup", "--to=" + backup, in(original))).isZero();
            backedUpHead = head(engine);

            afterBackup = ApiTestSupport.created(admin.post("/api/v1/leads", "{\"email\": \"apres@example.fr\", "
                    + "\"company\": \"Après Coup SA\", \"source\": \"WEB_FORM\"}"));
            SalesHistory.win(admin, account, "990");
            Settling.awaitSettled(engine);
            assertThat(tool("rebuild", "--all", in(original))).as("refused while the engine runs").isEqualTo(1);
            assertThat(tool("backup", "--to=" + live, in(original))).isZero();
        }

        assertThat(tool("rebuild", "--all", in(original))).isZero();
        assertThat(tool("backup", "--to=" + rebuilt, in(original))).isZero();
        BackupTables.assertSameTables(rebuilt, live);

        assertThat(tool("restore", "--from=" + backup, in(restored))).isZero();
        assertThat(tool("restore", "--from=" + backup, in(restored))).as("refused: it holds events").isEqualTo(2);
        try (ConfigurableApplicationContext engine = start(restored, "a-password-the-backup-does-not-know")) {
            Settling.awaitSettled(engine);
            assertThat(tool("backup", "--to=" + again, in(restored))).isZero();
            HttpApi admin = api(engine, PASSWORD);
            assertThat(admin.get("/api/v1/leads/" + kept).body().get("status").asText()).isEqualTo("CONVERTED");
            assertThat(admin.get("/api/v1/leads/" + afterBackup).status()).isEqualTo(404);
            assertThat(admin.post("/api/v1/audit/verifications", null).body().get("intact").asBoolean()).isTrue();
            ApiTestSupport.created(admin.post("/api/v1/leads", "{\"email\": \"restauree@example.fr\", "
                    + "\"company\": \"Reprise SA\", \"source\": \"WEB_FORM\"}"));
            assertThat(head(engine)).isGreaterThan(backedUpHead);
        }
        BackupTables.assertSameTables(again, backup);
    }

    @Test
    void theToolsRefuseWhatTheyCannotDo() {
        Path empty = TestDataDirectories.fresh("drill-refusals");
        assertThat(tool("rebuild", "lead-assignment", in(empty))).as("a process manager").isEqualTo(2);
        assertThat(tool("rebuild", "nothing-of-the-kind", in(empty))).isEqualTo(2);
        assertThat(tool("rebuild", in(empty))).isEqualTo(2);
        assertThat(tool("restore", "--from=" + folder.resolve("missing.zip"), in(empty))).isEqualTo(1);
        assertThat(tool("restore", "--from=" + folder.resolve("x.zip"), "--spring.datasource.url=jdbc:postgresql:x"))
                .isEqualTo(2);
        assertThat(tool("backup", in(empty))).isEqualTo(2);
        assertThat(empty).doesNotExist();
    }

    private static int tool(String... args) {
        return Tools.run(args, System.out);
    }

    private static String in(Path dataDirectory) {
        return "--relais.embedded-db.data-directory=" + dataDirectory;
    }

    private static ConfigurableApplicationContext start(Path dataDirectory, String adminPassword) {
        return new SpringApplicationBuilder(RelaisApplication.class).run("--server.port=0", in(dataDirectory),
                "--relais.admin.password=" + adminPassword, "--relais.security.password-hash-strength=4");
    }

    private static HttpApi api(ConfigurableApplicationContext engine, String password) {
        return new HttpApi(((WebServerApplicationContext) engine).getWebServer().getPort()).basic("admin", password);
    }

    private static long head(ConfigurableApplicationContext engine) {
        return engine.getBean(JdbcTemplate.class).queryForObject("select max(globalindex) from domainevententry",
                Long.class);
    }
}
