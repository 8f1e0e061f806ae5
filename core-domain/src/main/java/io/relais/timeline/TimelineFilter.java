package io.relais.timeline;

import io.relais.common.InvalidFieldException;

import java.time.Instant;
import java.util.Set;

/**
 * Which entries of a timeline to show: the kinds (empty: all), occurred at or after {@code from} and before
 * {@code to} (either may be null), newest first unless {@code oldestFirst}.
 */
public record TimelineFilter(Set<TimelineKind> kinds, Instant from, Instant to, boolean oldestFirst) {

    public TimelineFilter {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidFieldException("to", "invalid-range", "to must be later than from");
        }
    }

    public static TimelineFilter all() {
        return new TimelineFilter(Set.of(), null, null, false);
    }
}
