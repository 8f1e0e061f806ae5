package io.relais.personaldata;

import io.relais.common.FieldChange;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a read model keeps of a person once their data is erased: their records with the personal values
 * ({@link PersonalData#CATALOGUE}) set to null, and their field changes without the personal fields. Events
 * stored before an erasure read back with those values null, so a replay leaves exactly what the erasure left.
 */
public final class ErasedPersonalData {

    private ErasedPersonalData() {
    }

    /** A copy of {@code record} whose personal components are null. */
    public static <R extends Record> R withoutPersonalValues(R record) {
        Class<?> type = record.getClass();
        Set<String> personal = PersonalData.CATALOGUE.personalFields(type);
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = personal.contains(components[i].getName()) ? null
                        : components[i].getAccessor().invoke(record);
            }
            Constructor<?> canonical = type.getDeclaredConstructor(Arrays.stream(components)
                    .map(RecordComponent::getType).toArray(Class<?>[]::new));
            @SuppressWarnings("unchecked")
            R erased = (R) canonical.newInstance(values);
            return erased;
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException target ? target.getCause() : e;
            throw new IllegalStateException("Cannot erase the personal values of a " + type.getSimpleName(), cause);
        }
    }

    /**
     * Orders an erasure and the writes of the projection's other segments (a PostgreSQL advisory lock of the
     * projection's table, held until the transaction ends): a write that could concern an erased person takes it
     * shared before it reads whether they were erased, an erasure exclusively before it rewrites what was written
     * about them. Without it, an erasure and a write projected at the same time in two segments would each miss the
     * other's uncommitted rows.
     */
    public static void lock(JdbcTemplate jdbc, String table, boolean erasing) {
        jdbc.execute("select " + (erasing ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared")
                + "(hashtext('erasure of " + table + "'))");
    }

    /** The changes an erasure makes, as histories and timelines show them: nothing of the person. */
    public static List<FieldChange> changes(ErasureRequest request) {
        List<FieldChange> changes = new ArrayList<>();
        changes.add(new FieldChange("personalDataErased", "false", "true"));
        changes.add(new FieldChange("erasureReason", null, request.reason()));
        if (request.requestReference() != null) {
            changes.add(new FieldChange("erasureRequestReference", null, request.requestReference()));
        }
        return changes;
    }

    /** The fields of these types (in the field changes made of them) that hold personal data. */
    public static Set<String> personalFields(Class<?>... types) {
        return Arrays.stream(types).flatMap(type -> PersonalData.CATALOGUE.personalFields(type).stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * An SQL expression: the JSON array of field changes in {@code column} without those whose field is one
     * of the array bound to the expression's one parameter, in their order.
     */
    public static String changesWithoutFields(String column) {
        return "coalesce((select jsonb_agg(c order by n) from jsonb_array_elements(" + column
                + ") with ordinality as e(c, n) where not (c ->> 'field' = any(?))), '[]'::jsonb)";
    }
}
