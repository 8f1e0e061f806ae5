package io.relais.account;

import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import jakarta.annotation.Nullable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A person at an account. {@code notes} is free text about the person: personal data, to keep factual.
 * The canonical constructor does not validate, so that stored events always load.
 *
 * @param relationshipOrigin how the relationship started (a fair, a referral, an inbound call …)
 */
public record ContactDetails(
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String jobTitle,
        List<String> emails,
        List<String> phones,
        @Nullable String relationshipOrigin,
        @Nullable DecisionRole decisionRole,
        @Nullable String notes) {

    private static final int MAX_CHANNELS = 5;

    public ContactDetails {
        emails = emails == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(emails));
        phones = phones == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(phones));
    }

    /** The details a command gives, {@link #validated()}: missing ones have no name, which a contact needs. */
    public static ContactDetails requireValid(ContactDetails details) {
        if (details == null) {
            throw nameRequired();
        }
        return details.validated();
    }

    /** Today's rules: a contact needs a name; e-mails and phones are checked one by one, duplicates dropped. */
    public ContactDetails validated() {
        String first = Fields.text("firstName", firstName, 100);
        String last = Fields.text("lastName", lastName, 100);
        if (first == null && last == null) {
            throw nameRequired();
        }
        return new ContactDetails(first, last, Fields.text("jobTitle", jobTitle, 100),
                channels("emails", emails, Fields::email), channels("phones", phones, Fields::phone),
                Fields.text("relationshipOrigin", relationshipOrigin, 200), decisionRole,
                Fields.text("notes", notes, 4000));
    }

    private static InvalidFieldException nameRequired() {
        return new InvalidFieldException("lastName", "required", "A contact needs a first or last name");
    }

    private static List<String> channels(String field, List<String> values,
                                         BiFunction<String, String, String> rule) {
        if (values.size() > MAX_CHANNELS) {
            throw new InvalidFieldException(field, "too-many", field + " holds at most " + MAX_CHANNELS + " values");
        }
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = rule.apply(field + "[" + i + "]", values.get(i));
            if (value != null && valid.stream().noneMatch(existing -> existing.equalsIgnoreCase(value))) {
                valid.add(value);
            }
        }
        return List.copyOf(valid);
    }
}
