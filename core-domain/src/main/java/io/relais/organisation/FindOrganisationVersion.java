package io.relais.organisation;

/** The organisation's version the read model has reached; -1 before the first event. */
public record FindOrganisationVersion() {
}
