package io.relais.forecast;

import io.relais.common.AuditMetadata;
import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import io.relais.organisation.Authorization;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * The exchange rates of one currency into the reporting currency, by the day they take effect. Reference data
 * kept by administrators; a correction is a new event, so a past forecast can be explained with the rate it
 * used.
 */
@Aggregate
public class ExchangeRates {

    private static final int RATE_DECIMALS = 8;

    @AggregateIdentifier
    private String ratesId;
    private final Map<LocalDate, BigDecimal> rates = new HashMap<>();

    protected ExchangeRates() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Long handle(SetExchangeRate command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization, ReportingCurrency reporting) {
        authorization.requireAdministrator(actorId, "set exchange rates");
        String currency = Fields.currency("currency", command.currency());
        Fields.present("currency", currency);
        if (currency.equals(reporting.code())) {
            throw new InvalidFieldException("currency", "reporting-currency",
                    currency + " is the reporting currency: its rate is always 1");
        }
        Fields.present("validFrom", command.validFrom());
        Fields.date("validFrom", command.validFrom());
        BigDecimal rate = Fields.amount("rate", command.rate(), RATE_DECIMALS);
        if (rate == null || rate.signum() == 0) {
            throw new InvalidFieldException("rate", "invalid-rate",
                    "rate must be more than zero, with at most " + RATE_DECIMALS + " decimals");
        }
        BigDecimal previous = rates.get(command.validFrom());
        if (!rate.equals(previous)) {
            apply(new ExchangeRateSet(SetExchangeRate.ratesId(currency), currency, command.validFrom(), rate,
                    reporting.code(), previous));
        }
        return getVersion();
    }

    @EventSourcingHandler
    void on(ExchangeRateSet event) {
        ratesId = event.ratesId();
        rates.put(event.validFrom(), event.rate());
    }
}
