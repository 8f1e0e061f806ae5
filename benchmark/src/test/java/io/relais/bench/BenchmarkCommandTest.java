package io.relais.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark, run small from its own module, starts the engine, measures and prints its figures as ratios
 * to the raw inserts, the summary line last. Only the quick {@code http} part runs here: the others take
 * minutes even when small. No figure is judged: the machine decides those.
 */
class BenchmarkCommandTest {

    @Test
    void aSmallRunPrintsItsFiguresAndTheSummaryLine(@TempDir Path data) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int status = BenchmarkCommand.run(new String[]{"--raw-inserts=200", "--leads=20", "--clients=2",
                "--http-requests=20", "--parts=http", "--data-dir=" + data},
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(status).as(String.join("\n", lines)).isZero();
        assertThat(lines).anyMatch(line -> line.startsWith("raw inserts, 1 client(s): "))
                .anyMatch(line -> line.startsWith("authenticated GET /api/v1/me over HTTP (Basic, BCrypt cost 12), "
                        + "2 clients: "));
        assertThat(lines.get(lines.size() - 1)).matches("BENCH engine_start_s=[0-9.]+ raw_inserts_per_s_1=\\d+ "
                + "http_get_per_s_2=\\d+ http_get_ratio_2=[0-9.e+-]+");
    }

    @Test
    void aSmallCoreRunComparesTheCommandsWithACrudServiceSamplesTheProjectionLagAndProfilesTheStatements(
            @TempDir Path data) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int status = BenchmarkCommand.run(new String[]{"--raw-inserts=200", "--leads=100", "--clients=2",
                "--rebuild-events=500", "--accounts=30", "--timeline-events=1000", "--reads=5", "--parts=core",
                "--statements=3", "--data-dir=" + data}, new PrintStream(printed, true, StandardCharsets.UTF_8));

        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(status).as(String.join("\n", lines)).isZero();
        assertThat(lines)
                .anyMatch(line -> line.startsWith("CRUD service (Spring Data JPA: capture + update), 2 client(s): "))
                .anyMatch(line -> line.startsWith("projection lag while those commands ran"))
                .anyMatch(line -> line.startsWith("PostgreSQL's time during the commands at 2 clients"))
                .anyMatch(line -> line.matches(" *\\d+ +\\d+ +\\d+ +[0-9.]+  (with|insert|update|select|delete) .*"));
        assertThat(lines.get(lines.size() - 1)).contains(" crud_commands_per_s_2=", " commands_to_crud_2=",
                " projection_lag_ms_p99=");
    }

    @Test
    void anUnknownOptionIsRefusedBeforeAnythingStarts() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int status = BenchmarkCommand.run(new String[]{"--leeds=20"}, new PrintStream(printed, true,
                StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(printed.size()).isZero();
    }
}
