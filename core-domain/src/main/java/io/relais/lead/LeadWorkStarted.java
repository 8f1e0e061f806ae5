package io.relais.lead;

/** A rep started working the lead. */
public record LeadWorkStarted(String leadId) {
}
