package io.relais.web;

import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits, for a bounded time, until a read model shows a write, so that a client reading right after a
 * 2xx sees its own change without sleeping.
 */
@Component
public class ReadYourWrites {

    private static final long POLL_MILLIS = 5;

    private final ReadYourWritesProperties properties;

    public ReadYourWrites(ReadYourWritesProperties properties) {
        this.properties = properties;
    }

    public <T> Optional<T> await(Supplier<Optional<T>> read, Predicate<T> reached) {
        long deadline = System.nanoTime() + properties.readYourWritesTimeout().toNanos();
        while (true) {
            Optional<T> current = read.get();
            if (current.isPresent() && reached.test(current.get())) {
                return current;
            }
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
