package io.relais.lead;

import io.relais.common.PageRequest;

/** A page of what happened to a lead, oldest first. */
public record FindLeadHistory(String leadId, PageRequest page) {
}
