package io.relais.database;

import java.nio.file.Path;
import java.util.OptionalInt;

/** The embedded database of an engine that runs now, for the command-line tools that read it alongside. */
public final class RunningEngine {

    private RunningEngine() {
    }

    /** The port of the PostgreSQL server a running engine started on {@code dataDirectory}, if one runs there. */
    public static OptionalInt port(Path dataDirectory) {
        return LeftoverServer.ofRunningEngine(dataDirectory.toAbsolutePath().normalize())
                .map(file -> OptionalInt.of(file.port())).orElse(OptionalInt.empty());
    }
}
