package io.relais.tools;

import org.springframework.core.NestedExceptionUtils;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;

/**
 * The engine's command-line tools (README, "For analysts" and "For operators"): {@code export events},
 * {@code rebuild}, {@code backup}, {@code restore} and {@code register load}, each run with the engine's own
 * settings. Exit status 0 when done, 1 when it failed, 2 when the command line is wrong.
 */
public final class Tools {

    private static final Set<String> COMMANDS = Set.of("export", "rebuild", "backup", "restore", "register");

    private Tools() {
    }

    /** Whether {@code args} ask for a tool (then the engine does not start to serve). */
    public static boolean asked(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the tool {@code args} ask for as the command line does: the engine's own logs are warnings only. */
    public static int runFromCommandLine(String[] args) {
        String[] quiet = Arrays.copyOf(args, args.length + 1);
        quiet[args.length] = "--logging.level.root=WARN";
        return run(quiet, System.out);
    }

    /** Runs the tool {@code args} ask for, writing to {@code out}; the exit status. */
    public static int run(String[] args, PrintStream out) {
        boolean terminal = System.console() != null;
        try {
            switch (args[0]) {
                case "export":
                    return EventExport.run(ToolArguments.parse(args, Set.of("out", "after", "types")), out, terminal);
                case "rebuild":
                    return ProjectionRebuild.run(ToolArguments.parse(args, Set.of("all")), out, terminal);
                case "backup":
                    return StoreBackup.backup(ToolArguments.parse(args, Set.of("to")), out);
                case "register":
                    return RegisterLoad.run(ToolArguments.parse(args, Set.of("companies", "establishments")), out);
                default:
                    return StoreBackup.restore(ToolArguments.parse(args, Set.of("from")), out);
            }
        } catch (UsageException e) {
            out.println(e.getMessage());
            out.println("Usage:\n  " + EventExport.USAGE + "\n  " + ProjectionRebuild.USAGE + "\n  "
                    + StoreBackup.BACKUP_USAGE + "\n  " + StoreBackup.RESTORE_USAGE + "\n  " + RegisterLoad.USAGE
                    + "\nwith the engine's settings (--relais.embedded-db.data-directory=…, --spring.datasource.url=…, "
                    + "or their environment variables)");
            return 2;
        } catch (RuntimeException e) {
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
            out.println(args[0] + " failed: " + (cause instanceof UsageException ? "" : cause.getClass().getSimpleName()
                    + ": ") + cause.getMessage());
            return cause instanceof UsageException ? 2 : 1;
        }
    }

    /**
     * Writes {@code file} whole or not at all: beside it ({@code FILE.part}), renamed over it once written, deleted
     * if the writing fails.
     */
    static void writeWhole(Path file, FileWriting writing) {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            writing.write(part);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the store: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete " + part, e);
            }
        }
    }

    /** Writes a file's content to {@code part}. */
    @FunctionalInterface
    interface FileWriting {
        void write(Path part) throws IOException, SQLException;
    }
}
