package io.relais.lead;

/** One lead's current state; answers with an empty optional when it does not exist. */
public record FindLead(String leadId) {
}
