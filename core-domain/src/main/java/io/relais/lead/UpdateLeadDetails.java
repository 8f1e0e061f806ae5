package io.relais.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/**
 * Change some of a lead's details. Only the fields present in {@code changes} change; a null value clears
 * the field. {@code expectedVersion}, when given, must be the lead's current version.
 */
public record UpdateLeadDetails(
        @TargetAggregateIdentifier String leadId,
        Map<LeadField, String> changes,
        Long expectedVersion) {
}
