package io.relais.eventstore;

import java.net.URL;
import java.util.Set;

/** The event classes of the engine, the handlers of the test source set left out. */
public final class EngineEvents {

    private EngineEvents() {
    }

    public static Set<Class<?>> classes() {
        URL testClasses = EngineEvents.class.getProtectionDomain().getCodeSource().getLocation();
        return EventClasses.handledBy(handler -> !handler.getProtectionDomain().getCodeSource().getLocation()
                .equals(testClasses));
    }
}
