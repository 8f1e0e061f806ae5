package io.relais.lead;

/** The body of an owner assignment. */
public record AssignOwnerRequest(String ownerId) {
}
