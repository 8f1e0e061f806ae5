package io.relais.common;

import jakarta.annotation.Nullable;

/** One field's change, as auditors and timelines show it. Values are rendered as text; null means empty. */
public record FieldChange(String field, @Nullable String oldValue, @Nullable String newValue) {
}
