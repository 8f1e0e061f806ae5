package io.relais.common;

import java.util.List;
import java.util.function.Function;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An update records what it changed; one that changes no field (a retry, a repeat) records nothing. */
public final class Updates {

    private Updates() {
    }

    /** Applies the event that {@code event} makes of {@code changes}, unless there are none. */
    public static void record(List<FieldChange> changes, Function<List<FieldChange>, ?> event) {
        if (!changes.isEmpty()) {
            apply(event.apply(changes));
        }
    }
}
