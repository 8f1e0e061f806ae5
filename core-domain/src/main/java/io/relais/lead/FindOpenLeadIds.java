package io.relais.lead;

/** The ids of the leads {@code ownerId} owns that are neither converted nor disqualified. */
public record FindOpenLeadIds(String ownerId) {
}
