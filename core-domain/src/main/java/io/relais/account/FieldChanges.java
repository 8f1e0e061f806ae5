package io.relais.account;

import io.relais.common.Changes;
import io.relais.common.FieldChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What an update changed, field by field, with values as text for histories and timelines. */
public final class FieldChanges {

    private static final Map<String, Function<ContactDetails, Object>> CONTACT_FIELDS = Map.of(
            "firstName", ContactDetails::firstName,
            "lastName", ContactDetails::lastName,
            "jobTitle", ContactDetails::jobTitle,
            "emails", ContactDetails::emails,
            "phones", ContactDetails::phones,
            "relationshipOrigin", ContactDetails::relationshipOrigin,
            "decisionRole", ContactDetails::decisionRole,
            "notes", ContactDetails::notes);

    private FieldChanges() {
    }

    /** What changed from {@code before} to {@code after}; a null {@code before} lists every filled field. */
    public static List<FieldChange> ofAccount(AccountDetails before, AccountDetails after) {
        List<FieldChange> changes = new ArrayList<>();
        for (AccountField field : AccountField.values()) {
            add(changes, field.fieldName(), field.valueIn(before), field.valueIn(after));
        }
        return changes;
    }

    /** What changed from {@code before} to {@code after}; a null {@code before} lists every filled field. */
    public static List<FieldChange> ofContact(ContactDetails before, ContactDetails after) {
        List<FieldChange> changes = new ArrayList<>();
        CONTACT_FIELDS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(field -> add(changes, field.getKey(), before == null ? null : field.getValue().apply(before),
                        field.getValue().apply(after)));
        return changes;
    }

    private static void add(List<FieldChange> changes, String field, Object before, Object after) {
        Changes.add(changes, field, oneLine(before), oneLine(after));
    }

    /** An address as timelines show it, on one line; other values as {@link Changes#text} shows them. */
    private static Object oneLine(Object value) {
        if (value instanceof Address address) {
            return Stream.of(address.street(), join(address.postalCode(), address.city()), address.country())
                    .filter(Objects::nonNull).collect(Collectors.joining(", "));
        }
        return value;
    }

    private static String join(String postalCode, String city) {
        String joined = Stream.of(postalCode, city).filter(Objects::nonNull).collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }
}
