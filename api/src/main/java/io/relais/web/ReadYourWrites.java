package io.relais.web;

import io.relais.organisation.Viewer;
import io.relais.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

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

    /**
     * The answer to a write: once the read model shows {@code version} (202 without a body if it did not
     * within the bound), the status with the ETag, {@code Location} for a creation, and the record as the
     * caller sees it, or no body when the caller may not see the result (a record routed to someone else).
     */
    public <V, R> ResponseEntity<R> answer(HttpStatus status, URI location, long version,
                                           Function<Viewer, Optional<V>> find, ToLongFunction<V> versionOf,
                                           Function<V, R> resource) {
        return answer(status, location, Versions.etag(version), find,
                view -> versionOf.applyAsLong(view) >= version, versionOf, resource);
    }

    /**
     * The same, for a write whose resulting version is not known in advance (a process completes it): once
     * the read model shows {@code reached}, or 202 with {@code Location} only.
     */
    public <V, R> ResponseEntity<R> answerWhen(HttpStatus status, URI location, Function<Viewer, Optional<V>> find,
                                               Predicate<V> reached, ToLongFunction<V> versionOf,
                                               Function<V, R> resource) {
        return answer(status, location, null, find, reached, versionOf, resource);
    }

    private <V, R> ResponseEntity<R> answer(HttpStatus status, URI location, String pendingEtag,
                                            Function<Viewer, Optional<V>> find, Predicate<V> reached,
                                            ToLongFunction<V> versionOf, Function<V, R> resource) {
        Optional<V> written = await(() -> find.apply(Viewer.system()), reached);
        if (written.isEmpty()) {
            ResponseEntity.BodyBuilder accepted = ResponseEntity.accepted().location(location);
            return (pendingEtag == null ? accepted : accepted.eTag(pendingEtag)).build();
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
                .eTag(Versions.etag(versionOf.applyAsLong(written.get())));
        if (status == HttpStatus.CREATED) {
            response.location(location);
        }
        Optional<V> visible = find.apply(CurrentUser.viewer());
        return visible.isEmpty() ? response.build() : response.body(resource.apply(visible.get()));
    }
}
