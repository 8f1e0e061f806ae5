package io.relais.workflow;

import io.relais.account.AccountView;
import io.relais.account.FindAccountAsOf;
import io.relais.activity.ActivityView;
import io.relais.activity.FindActivityAsOf;
import io.relais.common.AsOf;
import io.relais.lead.FindLeadAsOf;
import io.relais.lead.LeadView;
import io.relais.opportunity.FindOpportunityAsOf;
import io.relais.opportunity.OpportunityView;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The records a rule's condition reads as {@code record}: the record of the event's package, as it stood right
 * after the event (rebuilt from its events up to it, so no projection lag can show an older state).
 */
enum RuleRecord {
    LEAD("Lead", LeadView.class, FindLeadAsOf::new),
    ACCOUNT("Account", AccountView.class, FindAccountAsOf::new),
    OPPORTUNITY("Opportunity", OpportunityView.class, FindOpportunityAsOf::new),
    ACTIVITY("Activity", ActivityView.class, FindActivityAsOf::new);

    final String aggregateType;
    final Class<? extends Record> view;
    private final BiFunction<String, AsOf, Object> asOf;

    RuleRecord(String aggregateType, Class<? extends Record> view, BiFunction<String, AsOf, Object> asOf) {
        this.aggregateType = aggregateType;
        this.view = view;
        this.asOf = asOf;
    }

    /** The query for the record right after its event with this sequence number. */
    Object after(String recordId, long sequenceNumber) {
        return asOf.apply(recordId, AsOf.version(sequenceNumber));
    }

    /** The record an event of this class concerns, by the event's package ({@code io.relais.lead}…). */
    static Optional<RuleRecord> ofEvent(Class<?> eventClass) {
        return Arrays.stream(values()).filter(kind -> kind.view.getPackage().equals(eventClass.getPackage()))
                .findFirst();
    }

    static Optional<RuleRecord> ofAggregate(String aggregateType) {
        return Arrays.stream(values()).filter(kind -> kind.aggregateType.equals(aggregateType)).findFirst();
    }
}
