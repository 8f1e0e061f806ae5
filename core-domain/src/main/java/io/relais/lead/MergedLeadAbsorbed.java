package io.relais.lead;

/** A duplicate lead was merged into this one; its history stays readable from here. */
public record MergedLeadAbsorbed(String leadId, String mergedId) {
}
