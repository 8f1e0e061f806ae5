package io.relais.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Tuning of the PostgreSQL event store.
 *
 * @param readBatchSize how many events one query reads when processors stream the store
 * @param gapTimeout    how long a gap in the global index is waited for (a transaction still committing)
 *                      before processors treat it as a rolled-back insert
 */
@ConfigurationProperties("relais.event-store")
public record EventStoreProperties(@DefaultValue("1000") int readBatchSize,
                                   @DefaultValue("60s") Duration gapTimeout) {
}
