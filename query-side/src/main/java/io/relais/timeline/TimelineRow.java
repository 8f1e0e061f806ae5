package io.relais.timeline;

/** A timeline entry waiting in a projection batch, with its event's position in the store. */
record TimelineRow(TimelineEntry entry, long position) {
}
