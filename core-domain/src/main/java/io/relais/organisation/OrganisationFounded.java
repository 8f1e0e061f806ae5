package io.relais.organisation;

/** The organisation exists, with its first administrator. */
public record OrganisationFounded(String administratorId) {
}
