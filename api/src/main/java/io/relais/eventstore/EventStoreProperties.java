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
 * @param claimTimeout  how long a node's claim on a processor's segment lasts without being extended before
 *                      another node may take the segment over: how long a dead node's share of the processing
 *                      waits (a live node extends its claims every second or so)
 */
@ConfigurationProperties("relais.event-store")
public record EventStoreProperties(@DefaultValue("1000") int readBatchSize,
                                   @DefaultValue("60s") Duration gapTimeout,
                                   @DefaultValue("10s") Duration claimTimeout) {
}
