package io.relais.common;

import java.util.List;

/** A change needs fields the record does not have yet; {@code missingFields} lists them all at once. */
public class IncompleteRecordException extends DomainException {

    private final List<String> missingFields;

    public IncompleteRecordException(String code, String message, List<String> missingFields) {
        super(code, message + ": " + String.join(", ", missingFields));
        this.missingFields = List.copyOf(missingFields);
    }

    public List<String> missingFields() {
        return missingFields;
    }

    @Override
    public Refusal refusal() {
        return new Refusal(Refusal.Kind.INCOMPLETE, code(), missingFields.get(0), getMessage(), null, missingFields);
    }
}
