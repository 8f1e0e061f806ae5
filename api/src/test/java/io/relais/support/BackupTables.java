package io.relais.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The tables of backups made with {@code java -jar relais.jar backup}, compared. */
public final class BackupTables {

    private static final Set<String> RUNNING_STATE = Set.of("tokenentry", "event_seal", "event_seal_horizon",
            "engine_node");

    private BackupTables() {
    }

    /** Asserts that two backups hold the same rows, but for what an engine rewrites as it runs. */
    public static void assertSameTables(Path actual, Path expected) throws IOException {
        Map<String, List<String>> expectedTables = tables(expected);
        Map<String, List<String>> actualTables = tables(actual);
        assertThat(actualTables.keySet()).isEqualTo(expectedTables.keySet());
        expectedTables.forEach((table, rows) -> assertThat(actualTables.get(table)).as(table).isEqualTo(rows));
    }

    /**
     * A backup's tables, each as its sorted rows, but for what an engine rewrites as it runs; of the deadlines,
     * which are there (not when they were last polled).
     */
    private static Map<String, List<String>> tables(Path backup) throws IOException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String name = entry.getName();
                if (!name.startsWith("tables/")) {
                    continue;
                }
                String table = name.substring("tables/".length(), name.length() - ".copy".length());
                if (RUNNING_STATE.contains(table)) {
                    continue;
                }
                try (InputStream rows = zip.getInputStream(entry)) {
                    List<String> lines = new String(rows.readAllBytes(), StandardCharsets.UTF_8).lines()
                            .map(row -> table.equals("scheduled_tasks")
                                    ? Arrays.stream(row.split("\t")).limit(3).collect(Collectors.joining("\t")) : row)
                            .sorted().toList();
                    tables.put(table, lines);
                }
            }
        }
        return tables;
    }
}
