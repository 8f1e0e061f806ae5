package io.relais.web;

import io.relais.common.AsOf;
import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import io.relais.organisation.Viewer;
import io.relais.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The reads and writes of one kind of record (leads, accounts …) as the API answers them: a record is found
 * with the caller's visibility, a write answers with the record's {@code ETag} (and {@code Location} for a
 * creation) once the read model shows it, or 202 when it does not within the read-your-writes bound.
 */
public final class RecordEndpoint<V> {

    private final RecordEndpoints pipeline;
    private final String kind;
    private final String path;
    private final BiFunction<String, Viewer, Object> query;
    /** The query of a record's past state; null for a kind whose past states are not read. */
    private final BiFunction<String, AsOf, Object> pastQuery;
    private final Class<V> type;
    private final ToLongFunction<V> versionOf;

    RecordEndpoint(RecordEndpoints pipeline, String kind, String path, BiFunction<String, Viewer, Object> query,
                   BiFunction<String, AsOf, Object> pastQuery, Class<V> type, ToLongFunction<V> versionOf) {
        this.pipeline = pipeline;
        this.kind = kind;
        this.path = path;
        this.query = query;
        this.pastQuery = pastQuery;
        this.type = type;
        this.versionOf = versionOf;
    }

    public Optional<V> find(String id, Viewer viewer) {
        return pipeline.query(query.apply(id, viewer), type);
    }

    /** The record as the caller sees it; 404 when it does not exist or they may not see it. */
    public V visible(String id) {
        return find(id, CurrentUser.viewer()).orElseThrow(() -> new NotFoundException(kind, id));
    }

    /**
     * The record as the caller sees it, now or as it stood at {@code asOf}: visibility is today's (the caller
     * may see the record now); 404 when it did not exist then or never had that version.
     */
    public V visible(String id, Optional<AsOf> asOf) {
        V now = visible(id);
        return asOf.map(past -> pipeline.query(pastQuery.apply(id, past), type)
                .orElseThrow(() -> NotFoundException.past(kind, id, past))).orElse(now);
    }

    /** The past state a read asks for (refused when its parameters are wrong); empty for the record as it is now. */
    public Optional<AsOf> pastState(AsOfParameters parameters) {
        return pipeline.pastState(parameters);
    }

    /**
     * The record a request names in {@code field}, as the caller sees it; refused as {@code unknown-<kind>} naming
     * the field when it does not exist or they may not see it.
     */
    public V named(String field, String id) {
        String recordId = Fields.identifier(field, id);
        String what = kind.toLowerCase(Locale.ROOT);
        return find(recordId, CurrentUser.viewer()).orElseThrow(() -> new InvalidFieldException(field,
                "unknown-" + what, "No " + what + " you may see has the id " + recordId));
    }

    /** The record with its version as {@code ETag}. */
    public ResponseEntity<V> read(String id) {
        return answer(visible(id));
    }

    /** The record with its version as {@code ETag}, now or at the past state {@code past} asks for. */
    public ResponseEntity<V> read(String id, AsOfParameters past) {
        return answer(visible(id, pastState(past)));
    }

    private ResponseEntity<V> answer(V record) {
        return ResponseEntity.ok().eTag(Versions.etag(versionOf.applyAsLong(record))).body(record);
    }

    /** Sends a command to record {@code id} and answers with the record it leaves. */
    public ResponseEntity<V> send(String id, Object command) {
        return answer(HttpStatus.OK, id, pipeline.send(command), Function.identity());
    }

    /** Sends a command to record {@code id} and waits until the read model shows it; answers the version. */
    public long sendAndAwait(String id, Object command) {
        long version = pipeline.send(command);
        pipeline.awaitVersion(version, () -> find(id, Viewer.system()), versionOf);
        return version;
    }

    /**
     * Creates a record with a new id (random, or derived from the caller's {@code Idempotency-Key}) by the command
     * {@code command} makes of that id, idempotently (see {@link RecordEndpoints#create}), and answers 201 with it.
     */
    public <R> ResponseEntity<R> create(IdempotencyKey key, Object request, Function<String, Object> command,
                                        Function<V, R> resource) {
        return create(key, request, command, id -> 0, resource);
    }

    /**
     * The same, with {@code completion} run on the new record's id once it is made (a step that completes it, such
     * as filling it from a register), answering the version the record is then at.
     */
    public <R> ResponseEntity<R> create(IdempotencyKey key, Object request, Function<String, Object> command,
                                        ToLongFunction<String> completion, Function<V, R> resource) {
        String id = pipeline.newId(kind.toLowerCase(Locale.ROOT), key);
        pipeline.create(id, command.apply(id), key, request);
        return answer(HttpStatus.CREATED, id, completion.applyAsLong(id), resource);
    }

    public ResponseEntity<V> create(IdempotencyKey key, Object request, Function<String, Object> command) {
        return create(key, request, command, Function.identity());
    }

    /**
     * Answers with record {@code id} once the read model shows {@code reached}, for a write whose version is
     * not known in advance (a process completes it).
     */
    public ResponseEntity<V> answerWhen(String id, Predicate<V> reached) {
        return pipeline.answerWhen(location(id), viewer -> find(id, viewer), reached, versionOf, Function.identity());
    }

    /**
     * Merges the duplicate a request names (in duplicateId) into record {@code id}, unless it already is, and
     * answers with the survivor once the read model shows it absorbed the duplicate. Both must be visible to
     * the caller; the aggregates decide the rest.
     *
     * @param mergedIntoId the survivor a record was merged into (null while it was not)
     * @param mergeInto    the command that merges a duplicate (first argument) into a survivor
     * @param absorbed     the duplicates a survivor has absorbed
     */
    public ResponseEntity<V> merge(String id, String duplicateId, Function<V, String> mergedIntoId,
                                   BiFunction<String, String, Object> mergeInto,
                                   Function<V, Collection<String>> absorbed) {
        visible(id);
        String duplicate = Fields.identifier("duplicateId", duplicateId);
        if (duplicate.equals(id)) {
            String what = kind.toLowerCase(Locale.ROOT);
            throw new InvalidFieldException("duplicateId", "same-record", ("aeiou".indexOf(what.charAt(0)) < 0
                    ? "A " : "An ") + what + " cannot be merged into itself");
        }
        if (!id.equals(mergedIntoId.apply(named("duplicateId", duplicate)))) {
            pipeline.send(mergeInto.apply(duplicate, id));
        }
        return answerWhen(id, survivor -> absorbed.apply(survivor).contains(duplicate));
    }

    public URI location(String id) {
        return URI.create(path + id);
    }

    private <R> ResponseEntity<R> answer(HttpStatus status, String id, long version, Function<V, R> resource) {
        return pipeline.answer(status, location(id), version, viewer -> find(id, viewer), versionOf, resource);
    }
}
