package io.relais.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The person no longer wants marketing: said on {@code date} (today when null) through {@code channel}. Recorded
 * whether or not they had consented, as an objection to keep.
 */
public record WithdrawLeadConsent(
        @TargetAggregateIdentifier String leadId,
        LocalDate date,
        ConsentChannel channel,
        Long expectedVersion) {
}
