package io.relais.web;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * The API's questions to the read side: one answer (a page, a view), a list, one record that may be absent, or
 * rows streamed as they are read.
 */
@Component
public class Queries {

    /** Rows a streamed answer reads ahead of its consumer. */
    private static final int STREAM_PREFETCH = 256;

    private final QueryGateway gateway;

    public Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    /** The one answer a query always has, such as a page. */
    public <T> T answer(Object query, Class<T> type) {
        return gateway.query(query, type).join();
    }

    /**
     * Every row a streaming query answers, read as the caller consumes them (a fetch ahead at most). Close the
     * stream: it holds a database cursor until it ends.
     */
    public <T> Stream<T> stream(Object query, Class<T> type) {
        return Flux.from(gateway.streamingQuery(query, type)).toStream(STREAM_PREFETCH);
    }

    /** The record a query finds, empty when there is none (or the viewer the query names may not see it). */
    public <T> Optional<T> find(Object query, Class<T> type) {
        return gateway.query(query, ResponseTypes.optionalInstanceOf(type)).join();
    }

    /** The record a query finds; 404 naming {@code kind} and {@code id} when there is none. */
    public <T> T found(Object query, Class<T> type, String kind, String id) {
        return find(query, type).orElseThrow(() -> new NotFoundException(kind, id));
    }
}
