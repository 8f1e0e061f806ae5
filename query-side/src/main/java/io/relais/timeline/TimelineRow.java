package io.relais.timeline;

/**
 * A timeline entry waiting in a projection batch, with its tracking token's position (see
 * {@link io.relais.projection.StorePosition}).
 */
record TimelineRow(TimelineEntry entry, long position) {
}
