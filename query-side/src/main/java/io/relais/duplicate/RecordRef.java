package io.relais.duplicate;

/** A record in the duplicate tables. */
record RecordRef(RecordKind kind, String id) {
}
