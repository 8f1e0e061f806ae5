package io.relais.common;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AsOfTest {

    private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void anInstantIncludesTheEventsWrittenUpToItAndAnyVersionItReached() {
        AsOf asOf = AsOf.instant(NOON);

        assertThat(asOf.includes(7, NOON)).isTrue();
        assertThat(asOf.includes(8, NOON.plusNanos(1))).isFalse();
        assertThat(asOf.reachedBy(3)).isTrue();
    }

    @Test
    void aVersionIncludesTheEventsUpToItsSequenceNumberAndIsReachedOnlyByIt() {
        AsOf asOf = AsOf.version(2);

        assertThat(asOf.includes(2, NOON.plusSeconds(3600))).isTrue();
        assertThat(asOf.includes(3, NOON.minusSeconds(3600))).isFalse();
        assertThat(asOf.reachedBy(2)).isTrue();
        assertThat(asOf.reachedBy(1)).isFalse();
    }

    @Test
    void aPastStateIsAnInstantOrAVersionNotBothNorNeither() {
        assertThatThrownBy(() -> new AsOf(NOON, 1L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AsOf(null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
