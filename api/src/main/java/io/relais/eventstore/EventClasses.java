package io.relais.eventstore;

import org.axonframework.eventhandling.EventHandler;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReader;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The engine's events: whatever its event handlers, event-sourcing handlers and processes take as their payload,
 * among its own classes.
 */
public final class EventClasses {

    private EventClasses() {
    }

    /** The payload types of the {@code handlers} (classes with an event handler) on the class path. */
    public static Set<Class<?>> handledBy(Predicate<Class<?>> handlers) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        CachingMetadataReaderFactory readers = new CachingMetadataReaderFactory(resolver);
        Set<Class<?>> events = new TreeSet<>(Comparator.comparing(Class::getName));
        try {
            for (Resource resource : resolver.getResources("classpath*:io/relais/**/*.class")) {
                MetadataReader reader = readers.getMetadataReader(resource);
                if (!reader.getAnnotationMetadata().hasAnnotatedMethods(EventHandler.class.getName())) {
                    continue;
                }
                Class<?> handler = Class.forName(reader.getClassMetadata().getClassName(), false,
                        EventClasses.class.getClassLoader());
                if (!handlers.test(handler)) {
                    continue;
                }
                for (Method method : handler.getDeclaredMethods()) {
                    if (AnnotatedElementUtils.hasAnnotation(method, EventHandler.class) && method.getParameterCount() > 0
                            && method.getParameterTypes()[0].getName().startsWith("io.relais.")) {
                        events.add(method.getParameterTypes()[0]);
                    }
                }
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot scan the engine's event handlers", e);
        }
        return events;
    }
}
