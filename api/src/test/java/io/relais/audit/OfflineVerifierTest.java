package io.relais.audit;

import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import io.relais.support.NeedsPostgreSqlEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An export of the event store is verified offline, without the database: intact as exported, not once edited. */
@NeedsPostgreSqlEventStore
class OfflineVerifierTest extends ApiTestSupport {

    @Autowired
    private EventSealer sealer;

    @Autowired
    private SealingKeys keys;

    @TempDir
    private Path folder;

    @Test
    void anExportVerifiesOfflineAndAnEditedOneSaysWhereItWasEdited() throws Exception {
        String lead = created(api().post("/api/v1/leads", "{\"email\": \"offline@example.fr\", \"source\": \"WEB_FORM\"}"));
        long position = jdbc.queryForObject("select max(globalindex) from domainevententry where aggregateidentifier = ?",
                Long.class, lead);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            sealer.sealStable();
            return sealer.latest().filter(seal -> seal.toPosition() >= position).isPresent();
        });
        Response exported = user("auditor", Profile.AUDITOR).api().get("/api/v1/audit/export");
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.header("Content-Type")).startsWith(StoreExportController.NDJSON);
        Path export = Files.writeString(folder.resolve("events.jsonl"), exported.raw().body());
        Path publicKey = Files.writeString(folder.resolve("seal.pub"), keys.publicKeyPem());

        ByteArrayOutputStream intactOut = new ByteArrayOutputStream();
        int intact = OfflineVerifier.run(new String[]{"audit", "verify", "--events=" + export,
                "--public-key=" + publicKey}, new PrintStream(intactOut, true, StandardCharsets.UTF_8));

        assertThat(intact).as(intactOut.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = Files.readAllLines(export);
        Path edited = Files.write(folder.resolve("edited.jsonl"), lines.stream()
                .map(line -> line.contains("\"aggregateId\":\"" + lead + "\"")
                        ? line.replace("\"userId\\\":\\\"admin\\\"", "\"userId\\\":\\\"alice\\\"") : line)
                .collect(Collectors.toList()));
        ByteArrayOutputStream editedOut = new ByteArrayOutputStream();
        int broken = OfflineVerifier.run(new String[]{"audit", "verify", "--events=" + edited,
                "--public-key=" + publicKey}, new PrintStream(editedOut, true, StandardCharsets.UTF_8));

        assertThat(broken).isEqualTo(1);
        assertThat(editedOut.toString(StandardCharsets.UTF_8)).contains("\"recordId\" : \"" + lead + "\"",
                "hash does not match its stored columns");
        assertThat(OfflineVerifier.run(new String[]{"audit", "verify"}, new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(2);
    }
}
