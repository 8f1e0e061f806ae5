package io.relais.web;

import io.relais.common.AsOf;
import io.relais.messaging.RefusingCommandBus;
import io.relais.organisation.Viewer;
import io.relais.security.CurrentUser;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The one write pipeline of the API: send a command, take the version it answers, wait (bounded) until the
 * read model shows it (read-your-writes, ADR 002), and answer. Idempotent creations go through it too.
 * {@link #of} gives a record kind's {@link RecordEndpoint}, which is what controllers use.
 */
@Component
public class RecordEndpoints {

    private final CommandGateway commands;
    private final Queries queries;
    private final ReadYourWrites readYourWrites;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public RecordEndpoints(CommandGateway commands, Queries queries, ReadYourWrites readYourWrites,
                           IdempotencyKeys idempotencyKeys, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
    }

    /**
     * The endpoint of a record kind.
     *
     * @param kind  the name a 404 gives it ("Lead")
     * @param path  its resources' path, ending with '/' ("/api/v1/leads/")
     * @param query the query that finds one record as a viewer sees it
     */
    public <V> RecordEndpoint<V> of(String kind, String path, BiFunction<String, Viewer, Object> query,
                                    Class<V> type, ToLongFunction<V> versionOf) {
        return new RecordEndpoint<>(this, kind, path, query, null, type, versionOf);
    }

    /**
     * The endpoint of a record kind whose past states can be read too.
     *
     * @param pastQuery the query that finds one record as it stood at a past instant or version
     */
    public <V> RecordEndpoint<V> of(String kind, String path, BiFunction<String, Viewer, Object> query,
                                    BiFunction<String, AsOf, Object> pastQuery, Class<V> type,
                                    ToLongFunction<V> versionOf) {
        return new RecordEndpoint<>(this, kind, path, query, pastQuery, type, versionOf);
    }

    /** The past state a read asks for; empty for the record as it is now. */
    public Optional<AsOf> pastState(AsOfParameters parameters) {
        return parameters.pastState(clock.instant());
    }

    /** Sends a command; answers the version its aggregate is at afterwards. */
    public long send(Object command) {
        return commands.<Long>sendAndWait(command);
    }

    /** Sends the command that creates a record of its own, named by an id the caller chose. */
    public void sendCreation(Object command) {
        commands.sendAndWait(command);
    }

    /** The id of a record the caller creates: random, or derived from their {@code Idempotency-Key}. */
    String newId(String kind, IdempotencyKey key) {
        return idempotencyKeys.newId(kind, CurrentUser.id(), key);
    }

    /**
     * Sends the command that creates record {@code id}. A retry with the same {@code Idempotency-Key} and
     * request finds the record made and goes on as if it had made it; the same key with another request is
     * refused.
     */
    void create(String id, Object command, IdempotencyKey key, Object request) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(idempotencyKeys.metadata(key, request)));
        } catch (CommandExecutionException e) {
            if (!key.given() || !RefusingCommandBus.madeBefore(e)) {
                throw e;
            }
            idempotencyKeys.requireSameRequest(id, key, request);
        }
    }

    /** Sends a creating command unless its record exists already (an earlier attempt of a retried step made it). */
    public void createUnlessExists(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (CommandExecutionException e) {
            if (!RefusingCommandBus.madeBefore(e)) {
                throw e;
            }
        }
    }

    /** Waits until {@code read} shows something {@code reached}; empty if it did not within the bound. */
    public <T> Optional<T> await(Supplier<Optional<T>> read, Predicate<T> reached) {
        return readYourWrites.await(read, reached);
    }

    /** Waits until {@code read} shows version {@code version} or a later one; whether it did within the bound. */
    public <T> boolean awaitVersion(long version, Supplier<Optional<T>> read, ToLongFunction<T> versionOf) {
        return await(read, shown -> versionOf.applyAsLong(shown) >= version).isPresent();
    }

    /** Sends a command and waits until {@code read} shows the version it answered; whether it did in time. */
    public <T> boolean sendAndAwait(Object command, Supplier<Optional<T>> read, ToLongFunction<T> versionOf) {
        return awaitVersion(send(command), read, versionOf);
    }

    /**
     * Sends a command and answers with the record at {@code location} once the read model shows the version it
     * answered (see {@link ReadYourWrites#answer}).
     */
    public <V> ResponseEntity<V> sendAndAnswer(Object command, URI location, Function<Viewer, Optional<V>> find,
                                               ToLongFunction<V> versionOf) {
        return readYourWrites.answer(HttpStatus.OK, location, send(command), find, versionOf, Function.identity());
    }

    <V, R> ResponseEntity<R> answer(HttpStatus status, URI location, long version,
                                    Function<Viewer, Optional<V>> find, ToLongFunction<V> versionOf,
                                    Function<V, R> resource) {
        return readYourWrites.answer(status, location, version, find, versionOf, resource);
    }

    <V, R> ResponseEntity<R> answerWhen(URI location, Function<Viewer, Optional<V>> find, Predicate<V> reached,
                                        ToLongFunction<V> versionOf, Function<V, R> resource) {
        return readYourWrites.answerWhen(HttpStatus.OK, location, find, reached, versionOf, resource);
    }

    <V> Optional<V> query(Object query, Class<V> type) {
        return queries.find(query, type);
    }
}
