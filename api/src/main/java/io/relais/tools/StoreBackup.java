package io.relais.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.relais.audit.SealingKeys;
import io.relais.personaldata.PersonalDataConfiguration;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * {@code backup --to=FILE} and {@code restore --from=FILE} (docs/operations.md). A backup is a zip of every table
 * of the store (events, seals, tokens, dead letters, process state, deadlines, credentials, data subjects' keys
 * and the read models) copied in one repeatable-read transaction, so that all of them are as of one moment while
 * the engine keeps running; with the key files the embedded data folder keeps when no keys are configured; and a
 * manifest. A restore loads it into a stopped engine's store that holds no event yet, at the schema version the
 * backup was taken at (the next start of the engine migrates it further).
 */
public final class StoreBackup {

    static final String BACKUP_USAGE = "java -jar relais.jar backup --to=FILE.zip";
    static final String RESTORE_USAGE = "java -jar relais.jar restore --from=FILE.zip";
    private static final int FORMAT = 1;
    private static final String MANIFEST = "manifest.json";
    private static final List<String> KEY_FILES = List.of(PersonalDataConfiguration.GENERATED_MASTER_KEY,
            SealingKeys.GENERATED_SIGNING_KEY, SealingKeys.GENERATED_PUBLIC_KEY);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    /** What a backup holds, in its {@code manifest.json}. */
    public record Manifest(int format, String relaisVersion, String schemaVersion, Instant takenAt, long headPosition,
                           Map<String, Long> tables, Map<String, Long> sequences, List<String> keyFiles) {
    }

    private StoreBackup() {
    }

    static int backup(ToolArguments arguments, PrintStream out) {
        Path file = arguments.path("to");
        try (ToolContext tool = ToolContext.start(arguments, Set.of(), true)) {
            tool.requireEventsInPostgreSql("backup");
            long started = System.nanoTime();
            Manifest manifest = backup(tool.bean(DataSource.class), tool.embeddedDataDirectory(),
                    tool.bean(Environment.class).getProperty("relais.version", "unknown"), file);
            out.printf("Backed up %,d events (up to store position %d) and %d tables to %s: %,.1f MB in %.1f s%n",
                    manifest.tables().getOrDefault("domainevententry", 0L), manifest.headPosition(),
                    manifest.tables().size(), file, size(file) / 1e6, (System.nanoTime() - started) / 1e9);
            out.println(manifest.keyFiles().isEmpty()
                    ? "The keys are not in it: the engine is configured with its own. Keep them as long as the backup."
                    : "It holds the keys of the data folder (" + String.join(", ", manifest.keyFiles())
                    + "): whoever holds the file can read the personal data in it. Keep it as safe as the folder.");
            return 0;
        }
    }

    /** Writes a backup of the store {@code dataSource} to {@code file}, with the key files of {@code keyFolder}. */
    private static Manifest backup(DataSource dataSource, Path keyFolder, String relaisVersion, Path file) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            Manifest[] written = {null};
            Tools.writeWhole(file, part -> written[0] = zip(connection, keyFolder, relaisVersion, part));
            connection.commit();
            return written[0];
        } catch (SQLException e) {
            throw new IllegalStateException("The backup could not read the store: " + e.getMessage(), e);
        }
    }

    /** Every table as {@code connection}'s transaction sees them, the key files and the manifest, zipped. */
    private static Manifest zip(Connection connection, Path keyFolder, String relaisVersion, Path file)
            throws IOException, SQLException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            JdbcTemplate jdbc = jdbc(connection);
            // the first query fixes the snapshot every later one reads
            long head = jdbc.queryForObject("select coalesce(max(globalindex), 0) from domainevententry", Long.class);
            Map<String, Long> tables = new LinkedHashMap<>();
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables(jdbc)) {
                zip.putNextEntry(new ZipEntry("tables/" + table + ".copy"));
                tables.put(table, copy.copyOut("copy " + table + " to stdout", zip));
                zip.closeEntry();
            }
            Map<String, Long> sequences = new LinkedHashMap<>();
            jdbc.query("select sequencename, last_value from pg_sequences where schemaname = current_schema() "
                    + "and last_value is not null order by sequencename", row -> {
                sequences.put(row.getString(1), row.getLong(2));
            });
            List<String> keys = keyFolder == null ? List.of()
                    : KEY_FILES.stream().filter(name -> Files.isRegularFile(keyFolder.resolve(name))).toList();
            for (String key : keys) {
                zip.putNextEntry(new ZipEntry("keys/" + key));
                Files.copy(keyFolder.resolve(key), zip);
                zip.closeEntry();
            }
            Manifest manifest = new Manifest(FORMAT, relaisVersion, schemaVersion(jdbc), Instant.now(), head, tables,
                    sequences, keys);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(JSON.writeValueAsBytes(manifest));
            zip.closeEntry();
            return manifest;
        }
    }

    static int restore(ToolArguments arguments, PrintStream out) {
        Path file = arguments.path("from");
        if (arguments.engineSettings().stream().anyMatch(setting -> setting.startsWith("--spring.datasource.url="))
                || !blank(System.getenv("SPRING_DATASOURCE_URL"))) {
            throw new UsageException("restore brings back the embedded data folder; an external PostgreSQL is "
                    + "restored with its own tools (README, \"Backup and restore\")");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Manifest manifest = manifest(zip);
            long started = System.nanoTime();
            Path folder;
            try (ToolContext tool = ToolContext.start(arguments, Set.of(), false,
                    "--spring.flyway.target=" + manifest.schemaVersion())) {
                tool.requireEventsInPostgreSql("restore");
                folder = tool.embeddedDataDirectory();
                Environment environment = tool.bean(Environment.class);
                if (!manifest.keyFiles().contains(PersonalDataConfiguration.GENERATED_MASTER_KEY)
                        && blank(environment.getProperty("relais.personal-data.master-key"))
                        && blank(environment.getProperty("relais.personal-data.master-key-file"))) {
                    throw new UsageException("This backup does not hold its master key (the engine that took it was "
                            + "configured with one): give the same RELAIS_MASTER_KEY or RELAIS_MASTER_KEY_FILE");
                }
                if (!manifest.keyFiles().contains(SealingKeys.GENERATED_SIGNING_KEY)
                        && blank(environment.getProperty("relais.audit.signing-key-file"))) {
                    throw new UsageException("This backup does not hold the key pair that signed its seals (the engine "
                            + "that took it was configured with one): give the same RELAIS_SEAL_KEY_FILE and "
                            + "RELAIS_SEAL_PUBLIC_KEY_FILE");
                }
                restore(tool.bean(DataSource.class), zip, manifest);
                restoreKeys(zip, manifest, folder);
            }
            out.printf("Restored %,d events (up to store position %d, backed up at %s by Relais %s) and %d tables "
                            + "into %s in %.1f s. Start the engine as usual.%n",
                    manifest.tables().getOrDefault("domainevententry", 0L), manifest.headPosition(),
                    manifest.takenAt(), manifest.relaisVersion(), manifest.tables().size(), folder,
                    (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the backup into the store {@code dataSource}, which must hold no event, in one transaction. */
    static void restore(DataSource dataSource, ZipFile zip, Manifest manifest) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            JdbcTemplate jdbc = jdbc(connection);
            String schema = schemaVersion(jdbc);
            if (!manifest.schemaVersion().equals(schema)) {
                throw new UsageException("The backup was taken at schema version " + manifest.schemaVersion()
                        + " (Relais " + manifest.relaisVersion() + "), this store is at version " + schema
                        + ": restore with the Relais that took it into an empty folder, then start this one");
            }
            if (jdbc.queryForObject("select exists (select from domainevententry)", Boolean.class)) {
                throw new UsageException("The store already holds events: restore into an empty data folder (move "
                        + "this one away first)");
            }
            List<String> tables = tables(jdbc);
            if (!tables.containsAll(manifest.tables().keySet())) {
                throw new UsageException("The backup holds tables this store does not have: "
                        + manifest.tables().keySet().stream().filter(table -> !tables.contains(table)).toList());
            }
            jdbc.execute("truncate " + String.join(", ", tables));
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (Map.Entry<String, Long> table : manifest.tables().entrySet()) {
                ZipEntry entry = entry(zip, "tables/" + table.getKey() + ".copy");
                try (InputStream rows = zip.getInputStream(entry)) {
                    long copied = copy.copyIn("copy " + table.getKey() + " from stdin", rows);
                    if (copied != table.getValue()) {
                        throw new IllegalStateException("The backup's " + table.getKey() + " holds " + copied
                                + " rows, its manifest says " + table.getValue());
                    }
                }
            }
            manifest.sequences().forEach((sequence, value) ->
                    jdbc.queryForObject("select setval(?::regclass, ?)", Long.class, sequence, value));
            // the claims, picks and heartbeats of the processes that took the backup: none of them runs here
            jdbc.update("update tokenentry set owner = null");
            jdbc.update("update scheduled_tasks set picked = false, picked_by = null, last_heartbeat = null");
            if (manifest.tables().containsKey("engine_node")) {
                jdbc.update("delete from engine_node");
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("The restore could not write the store: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void restoreKeys(ZipFile zip, Manifest manifest, Path dataDirectory) throws IOException {
        for (String key : manifest.keyFiles()) {
            try (InputStream content = zip.getInputStream(entry(zip, "keys/" + key))) {
                Files.copy(content, dataDirectory.resolve(key), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static Manifest manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw new UsageException(zip.getName() + " is not a Relais backup (it has no " + MANIFEST + ")");
        }
        try (InputStream content = zip.getInputStream(entry)) {
            Manifest manifest = JSON.readValue(content, Manifest.class);
            if (manifest.format() != FORMAT) {
                throw new UsageException("Backup format " + manifest.format() + " is not one this Relais reads ("
                        + FORMAT + ")");
            }
            return manifest;
        }
    }

    private static ZipEntry entry(ZipFile zip, String name) {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IllegalStateException("The backup has no " + name + " though its manifest names it");
        }
        return entry;
    }

    private static List<String> tables(JdbcTemplate jdbc) {
        return jdbc.queryForList("select quote_ident(tablename) from pg_tables where schemaname = current_schema() "
                + "order by tablename", String.class);
    }

    private static String schemaVersion(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select version from flyway_schema_history where success and version is not null "
                + "order by installed_rank desc limit 1", String.class);
    }

    private static JdbcTemplate jdbc(Connection connection) {
        return new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
