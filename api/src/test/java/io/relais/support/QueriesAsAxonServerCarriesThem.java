package io.relais.support;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.query.QuerySerializer;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.QueryResponseMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.StreamingQueryMessage;
import org.axonframework.serialization.Serializer;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Flux;

import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The end-to-end tests' queries, carried as Axon Server carries them: each query is serialised and deserialised
 * with the engine's serializer by the Axon Server connector's own {@link QuerySerializer} before it is handled,
 * and so is its response before the caller's response type converts it. A response type that does not survive
 * the trip fails the test that sends it, as it would fail every call on the {@code axonserver} profile. When the
 * tests run against a real Axon Server ({@link AxonServerUnderTest}), it carries them itself.
 */
@TestConfiguration(proxyBeanMethods = false)
public class QueriesAsAxonServerCarriesThem {

    @Bean
    static BeanPostProcessor carryQueriesAsAxonServerDoes(ObjectProvider<Serializer> serializer) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof QueryBus bus && !(bean instanceof Carrying) && !AxonServerUnderTest.on()
                        ? new Carrying(bus, serializer) : bean;
            }
        };
    }

    private static final class Carrying implements QueryBus {

        private final QueryBus local;
        private final ObjectProvider<Serializer> serializer;
        private volatile QuerySerializer carrier;

        Carrying(QueryBus local, ObjectProvider<Serializer> serializer) {
            this.local = local;
            this.serializer = serializer;
        }

        @Override
        public <Q, R> CompletableFuture<QueryResponseMessage<R>> query(QueryMessage<Q, R> query) {
            QuerySerializer wire = carrier();
            QueryMessage<Q, R> received = wire.deserializeRequest(wire.serializeRequest(query, 1, 60_000, 0));
            return local.query(received).thenApply(response -> {
                QueryResponseMessage<R> back = wire.deserializeResponse(
                        wire.serializeResponse(response, received.getIdentifier()), query.getResponseType());
                back.getPayload();
                return back;
            });
        }

        /** Each row of a streamed answer carried back as Axon Server carries it (the query is that of a page). */
        @Override
        public <Q, R> Publisher<QueryResponseMessage<R>> streamingQuery(StreamingQueryMessage<Q, R> query) {
            QuerySerializer wire = carrier();
            @SuppressWarnings("unchecked")
            ResponseType<R> row = (ResponseType<R>) ResponseTypes.instanceOf(
                    query.getResponseType().getExpectedResponseType());
            return Flux.from(local.streamingQuery(query)).map(response -> {
                QueryResponseMessage<R> back = wire.deserializeResponse(
                        wire.serializeResponse(response, query.getIdentifier()), row);
                back.getPayload();
                return back;
            });
        }

        private QuerySerializer carrier() {
            if (carrier == null) {
                Serializer engine = serializer.getObject();
                carrier = new QuerySerializer(engine, engine, new AxonServerConfiguration());
            }
            return carrier;
        }

        @Override
        public <R> Registration subscribe(String queryName, Type responseType,
                                          MessageHandler<? super QueryMessage<?, R>> handler) {
            return local.subscribe(queryName, responseType, handler);
        }

        @Override
        public <Q, R> Stream<QueryResponseMessage<R>> scatterGather(QueryMessage<Q, R> query, long timeout,
                                                                    TimeUnit unit) {
            return local.scatterGather(query, timeout, unit);
        }

        @Override
        public QueryUpdateEmitter queryUpdateEmitter() {
            return local.queryUpdateEmitter();
        }

        @Override
        public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super QueryMessage<?, ?>> handlerInterceptor) {
            return local.registerHandlerInterceptor(handlerInterceptor);
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super QueryMessage<?, ?>> dispatchInterceptor) {
            return local.registerDispatchInterceptor(dispatchInterceptor);
        }
    }
}
