package io.relais.common;

/** One field's change, as auditors and timelines show it. Values are rendered as text; null means empty. */
public record FieldChange(String field, String oldValue, String newValue) {
}
