package io.relais.catalogue;

import io.relais.common.AsOf;

/**
 * One product as it stood at a past instant or version, rebuilt from its events; an empty optional when it did not
 * exist then (or never had that version).
 */
public record FindProductAsOf(String productId, AsOf asOf) {
}
