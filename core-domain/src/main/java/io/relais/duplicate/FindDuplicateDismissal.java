package io.relais.duplicate;

/** When the pair was dismissed as not duplicates, if it was (in either order). */
public record FindDuplicateDismissal(RecordKind kind, String recordId, String otherId) {
}
