package io.relais.opportunity;

import io.relais.common.FieldChange;

import java.util.List;

/** The deal's name or primary contact changed. */
public record OpportunityDetailsUpdated(String opportunityId, String name, String primaryContactId,
                                        List<FieldChange> changes) {
}
