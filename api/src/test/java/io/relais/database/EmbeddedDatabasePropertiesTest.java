package io.relais.database;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDatabasePropertiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"synchronous_commit", "fsync", "full_page_writes"})
    void aSettingThatAnAnsweredWritesDurabilityRestsOnCannotBeGiven(String name) {
        assertThatThrownBy(() -> new EmbeddedDatabaseProperties(Path.of("data"), 0, Duration.ofMinutes(2),
                Map.of(name, "off")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("relais.embedded-db.settings." + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shared_buffers", "shared_preload_libraries", "max_connections"})
    void otherSettingsAreTakenAsGiven(String name) {
        assertThat(new EmbeddedDatabaseProperties(Path.of("data"), 0, Duration.ofMinutes(2), Map.of(name, "x"))
                .settings()).containsEntry(name, "x");
    }
}
