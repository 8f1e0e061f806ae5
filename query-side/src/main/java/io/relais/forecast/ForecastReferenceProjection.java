package io.relais.forecast;

import io.relais.common.AuditMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Projects the reference data of forecasts: exchange rates and sales targets, the last setting winning. */
@Component
@ProcessingGroup(ForecastReferenceProjection.PROCESSING_GROUP)
public class ForecastReferenceProjection {

    public static final String PROCESSING_GROUP = "forecasts";

    private final ForecastRepository repository;

    ForecastReferenceProjection(ForecastRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(ExchangeRateSet event, DomainEventMessage<?> message) {
        repository.saveRate(event, message.getSequenceNumber(), message.getTimestamp(), (String) message.getMetaData().get(AuditMetadata.USER_ID));
    }

    @EventHandler
    void on(SalesTargetSet event, DomainEventMessage<?> message) {
        repository.saveTarget(event, message.getSequenceNumber(), message.getTimestamp(), (String) message.getMetaData().get(AuditMetadata.USER_ID));
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }
}
