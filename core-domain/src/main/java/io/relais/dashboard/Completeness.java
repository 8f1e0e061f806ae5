package io.relais.dashboard;

import jakarta.annotation.Nullable;

import java.math.BigDecimal;

/**
 * How complete a kind of record is: of the {@code records}' recommended fields ({@code fields} in all),
 * {@code filled} are filled; {@code share} = filled / fields (null without records).
 */
public record Completeness(int records, long fields, long filled, @Nullable BigDecimal share) {
}
