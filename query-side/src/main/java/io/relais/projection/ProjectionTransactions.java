package io.relais.projection;

import io.relais.account.AccountProjection;
import io.relais.activity.ActivityProjection;
import io.relais.catalogue.CatalogueProjection;
import io.relais.dashboard.UsageProjection;
import io.relais.duplicate.DuplicateProjection;
import io.relais.forecast.ForecastReferenceProjection;
import io.relais.lead.LeadProjection;
import io.relais.opportunity.OpportunityProjection;
import io.relais.organisation.OrganisationProjection;
import io.relais.timeline.TimelineProjection;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Lets every projection batch commit without waiting for its WAL flush, whatever its handlers write (a batch
 * may write nothing but its token). Safe because the processor's token is written in the same transaction:
 * after a crash, rows and token roll back together and the projection redoes those events. Events themselves,
 * and the process managers' transactions (they append events), always commit synchronously.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionTransactions {

    static final List<String> PROJECTIONS = List.of(LeadProjection.PROCESSING_GROUP,
            AccountProjection.PROCESSING_GROUP, TimelineProjection.PROCESSING_GROUP,
            DuplicateProjection.PROCESSING_GROUP, OrganisationProjection.PROCESSING_GROUP,
            CatalogueProjection.PROCESSING_GROUP, OpportunityProjection.PROCESSING_GROUP,
            ActivityProjection.PROCESSING_GROUP, ForecastReferenceProjection.PROCESSING_GROUP,
            UsageProjection.PROCESSING_GROUP);
    private static final String APPLIED = ProjectionTransactions.class.getName();

    @Autowired
    void commitProjectionsAsynchronously(EventProcessingConfigurer processing, JdbcTemplate jdbc) {
        for (String projection : PROJECTIONS) {
            processing.registerHandlerInterceptor(projection, configuration -> (unitOfWork, chain) -> {
                UnitOfWork<?> batch = unitOfWork.root();
                if (batch.resources().putIfAbsent(APPLIED, Boolean.TRUE) == null) {
                    jdbc.execute("set local synchronous_commit = off");
                }
                return chain.proceed();
            });
        }
    }
}
