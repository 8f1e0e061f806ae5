package io.relais.organisation;

import io.relais.common.AsOf;

/**
 * One user as they stood at a past instant or version, rebuilt from their events; an empty optional when they were
 * not registered then (or never had that version).
 */
public record FindUserAsOf(String userId, AsOf asOf) {
}
