package io.relais.lead;

/** The body of a disqualification: a reason, and a note (required for {@code OTHER}). */
public record DisqualifyRequest(DisqualificationReason reason, String note) {
}
