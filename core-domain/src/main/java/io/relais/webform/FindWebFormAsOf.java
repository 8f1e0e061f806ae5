package io.relais.webform;

import io.relais.common.AsOf;

/**
 * One web form as it stood at a past instant or version, rebuilt from its events; an empty optional when it did
 * not exist then (or never had that version).
 */
public record FindWebFormAsOf(String formId, AsOf asOf) {
}
