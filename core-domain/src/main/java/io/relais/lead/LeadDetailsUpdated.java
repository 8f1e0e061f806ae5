package io.relais.lead;

import io.relais.common.FieldChange;

import java.util.List;

/** Some details changed: {@code details} is the whole new state, {@code changes} says what moved. */
public record LeadDetailsUpdated(String leadId, LeadDetails details, List<FieldChange> changes) {
}
