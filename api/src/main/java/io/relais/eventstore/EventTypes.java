package io.relais.eventstore;

import io.relais.common.InvalidFieldException;
import io.relais.web.QueryParameters;
import org.axonframework.config.Configuration;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The engine's event types as requests name them (their simple names: {@code LeadCaptured}) and as the store
 * records them, on either event store.
 */
@Component
public class EventTypes {

    /** The engine's event classes, by their simple names. */
    private final Map<String, Class<?>> classes;
    /** The stored type names of the engine's events, by the events' simple names. */
    private final Map<String, String> storedTypes;

    EventTypes(Configuration axon) {
        this.classes = new TreeMap<>(EventClasses.handledBy(handler -> true).stream().collect(Collectors.toMap(
                Class::getSimpleName, event -> event)));
        this.storedTypes = new TreeMap<>(classes.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                event -> axon.eventSerializer().typeForClass(event.getValue()).getName())));
    }

    /** The class of the event with this simple name (LeadCaptured), if the engine has one. */
    public Optional<Class<?>> eventClass(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(classes.get(name));
    }

    /** The stored type of the event with this simple name (LeadCaptured), if the engine has one. */
    public Optional<String> storedType(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(storedTypes.get(name));
    }

    /**
     * The stored types of the events a request names in {@code field} (simple names such as LeadCaptured, the
     * parameter repeated or comma-separated); empty for none; refused when one is none of the engine's events.
     */
    public Set<String> storedTypes(String field, List<String> names) {
        Set<String> types = new LinkedHashSet<>();
        if (names != null) {
            for (String name : names.stream().flatMap(given -> Arrays.stream(given.split(","))).toList()) {
                String event = QueryParameters.text(name);
                if (event != null) {
                    types.add(storedType(event).orElseThrow(() -> new InvalidFieldException(field,
                            "invalid-parameter", field + " " + event + " is none of the engine's events: "
                            + String.join(", ", storedTypes.keySet()))));
                }
            }
        }
        return types;
    }
}
