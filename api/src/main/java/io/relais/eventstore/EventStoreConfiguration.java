package io.relais.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import io.relais.personaldata.PersonalDataProtection;
import io.relais.personaldata.ProtectingSerializer;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.lang.management.ManagementFactory;

/**
 * Axon's stores on PostgreSQL through its JDBC engine (ADR 001). Every stored message, snapshot, saga and
 * token is JSON written by one pinned Jackson mapper: the API's mapper can change with
 * {@code spring.jackson.*} without ever changing what is stored. Events and tokens are kept as text so
 * that {@code psql} shows them as they are.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    /** This engine node's name, as the owner of its claims in the token store: Axon's default, {@code pid@host}. */
    public static final String THIS_NODE = ManagementFactory.getRuntimeMXBean().getName();

    /**
     * The mapper for everything Axon stores; deliberately not a bean so nothing else configures it. Numbers
     * read into JSON trees (upcasters, personal data envelopes) keep their exact decimal text: an amount
     * stored as {@code 48000.00} never comes back as {@code 48000.0} or {@code 4.8E+4}.
     */
    static ObjectMapper storageObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    }

    @Bean
    @Primary
    public JacksonSerializer serializer() {
        return JacksonSerializer.builder().objectMapper(storageObjectMapper()).lenientDeserialization().build();
    }

    /** Events keep their personal values encrypted per person (ADR 013). */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(JacksonSerializer serializer, PersonalDataProtection protection) {
        return new ProtectingSerializer(serializer, protection);
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /** Gives the events stored before the chain existed their hashes (a Flyway Java migration). */
    @Bean
    V18__Chain_stored_events chainStoredEvents() {
        return new V18__Chain_stored_events();
    }

    /** PostgreSQL's unique_violation: a second append at the same aggregate sequence is a concurrent write. */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    public EventStorageEngine eventStorageEngine(Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 EventStoreProperties properties) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .appendEvents(new ChainedAppends())
                .dataType(String.class)
                .batchSize(properties.readBatchSize())
                .gapTimeout((int) properties.gapTimeout().toMillis())
                .build();
    }

    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                                 EventStoreProperties properties) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(new TokenSchema.Builder().build())
                .contentType(String.class)
                .claimTimeout(properties.claimTimeout())
                .nodeId(THIS_NODE)
                .build();
    }

    @Bean
    public SagaStore<Object> sagaStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcSagaStore.builder()
                .connectionProvider(connectionProvider)
                .sqlSchema(new PostgresSagaSqlSchema(new SagaSchema()))
                .serializer(serializer)
                .build();
    }
}
