package io.relais.duplicate;

/** A normalised identifier of a record: equal keys of the same type are an exact match. */
public record MatchKey(KeyType type, String value) {
}
