package io.relais.organisation;

/** The whole lead routing set-up: territories and the default owner. */
public record FindLeadRouting() {
}
