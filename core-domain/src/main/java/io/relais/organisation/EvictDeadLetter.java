package io.relais.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Take an event out of a projection's dead letters for good, saying why: that projection will never apply it
 * (until it is rebuilt). The event is named as the dead letter shows it.
 */
public record EvictDeadLetter(String processor, String eventId, String eventType, String recordId, String causeType,
                              String reason) {

    @TargetAggregateIdentifier
    public String organisationId() {
        return OrganisationIds.ORGANISATION_ID;
    }
}
