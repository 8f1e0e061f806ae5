package io.relais.forecast;

import io.relais.common.AuditMetadata;
import io.relais.common.Fields;
import io.relais.organisation.Authorization;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/** A user's sales target for one period, in the reporting currency; each change is kept. */
@Aggregate
public class SalesTarget {

    @AggregateIdentifier
    private String targetId;
    private BigDecimal amount;

    protected SalesTarget() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Long handle(SetSalesTarget command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization, ReportingCurrency reporting) {
        String userId = Fields.userId("userId", command.userId());
        ForecastPeriod period = ForecastPeriod.parse("period", command.period());
        BigDecimal target = Fields.amount("amount", command.amount(), 2);
        Fields.present("amount", target);
        authorization.requireTargetSetter(actorId, userId);
        if (!target.equals(amount)) {
            apply(new SalesTargetSet(SetSalesTarget.targetId(userId, period.label()), userId, period.label(), target,
                    reporting.code(), amount));
        }
        return getVersion();
    }

    @EventSourcingHandler
    void on(SalesTargetSet event) {
        targetId = event.targetId();
        amount = event.amount();
    }
}
