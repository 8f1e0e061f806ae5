package io.relais.web;

import io.relais.common.AsOf;
import io.relais.common.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AsOfParametersTest {

    private static final Instant NOW = Instant.parse("2026-03-10T15:30:00Z");

    @Test
    void aDateMeansTheEndOfThatDayInUtcAndTodayMeansNow() {
        assertThat(past("2026-03-01", null)).contains(AsOf.instant(Instant.parse("2026-03-01T23:59:59.999999999Z")));
        assertThat(past("2026-03-10", null)).contains(AsOf.instant(NOW));
    }

    @Test
    void anInstantOrAVersionIsTakenAsGivenAndNeitherMeansNow() {
        assertThat(past("2026-03-01T10:00:00Z", null)).contains(AsOf.instant(Instant.parse("2026-03-01T10:00:00Z")));
        assertThat(past(null, 0L)).contains(AsOf.version(0));
        assertThat(past(null, null)).isEmpty();
    }

    @Test
    void theFutureANegativeVersionOrBothAreRefusedNamingTheField() {
        assertRefused("2026-03-11", null, "asOf");
        assertRefused("2026-03-10T15:30:00.000001Z", null, "asOf");
        assertRefused("2026-02-30", null, "asOf");
        assertRefused(null, -1L, "version");
        assertRefused("2026-03-01", 1L, "version");
    }

    private static Optional<AsOf> past(String asOf, Long version) {
        return new AsOfParameters(asOf, version).pastState(NOW);
    }

    private static void assertRefused(String asOf, Long version, String field) {
        assertThatThrownBy(() -> past(asOf, version)).isInstanceOfSatisfying(InvalidFieldException.class,
                refusal -> assertThat(refusal.field()).isEqualTo(field));
    }
}
