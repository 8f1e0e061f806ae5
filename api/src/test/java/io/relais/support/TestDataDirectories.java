package io.relais.support;

import java.nio.file.Path;
import java.util.UUID;

/** Embedded database folders for tests, under {@code target/} so that {@code mvn clean} removes them. */
public final class TestDataDirectories {

    private TestDataDirectories() {
    }

    public static Path fresh(String purpose) {
        return Path.of("target", "test-data", purpose + "-" + UUID.randomUUID()).toAbsolutePath();
    }
}
