package io.relais.lead;

import io.relais.common.AsOf;

/**
 * One lead as it stood at a past instant or version, rebuilt from its events; an empty optional when it did not
 * exist then (or never had that version). Says nothing of visibility: the caller checks today's first.
 */
public record FindLeadAsOf(String leadId, AsOf asOf) {
}
