package io.relais.support;

import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of what exists only with the events in PostgreSQL (the audit view, seals and chain, the event stream, a
 * data subject's export, the stored form of events): skipped when the tests run against Axon Server
 * ({@link AxonServerUnderTest}), which keeps the events in its own storage.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@DisabledIfEnvironmentVariable(named = "AXON_SERVER", matches = ".+",
        disabledReason = "reads PostgreSQL's event table, which Axon Server replaces as the event store")
public @interface NeedsPostgreSqlEventStore {
}
