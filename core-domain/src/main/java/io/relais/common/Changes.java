package io.relais.common;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The one rule by which updates, histories and timelines tell what changed: a field is listed only when its
 * value, as text, differs.
 */
public final class Changes {

    private Changes() {
    }

    /** Adds {@code field}'s change to {@code changes}, unless its value reads the same before and after. */
    public static void add(List<FieldChange> changes, String field, Object before, Object after) {
        String old = text(before);
        String now = text(after);
        if (!Objects.equals(old, now)) {
            changes.add(new FieldChange(field, old, now));
        }
    }

    /** A value as histories show it: amounts without exponent, lists comma-separated (an empty one is empty). */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? null : list.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return value.toString();
    }
}
