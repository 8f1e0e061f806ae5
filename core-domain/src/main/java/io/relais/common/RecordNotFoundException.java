package io.relais.common;

/**
 * The record does not exist, or the caller may not see it: both answer the same, so that a record's
 * existence never leaks to someone outside its visibility.
 */
public class RecordNotFoundException extends DomainException {

    private final String id;

    public RecordNotFoundException(String id) {
        super("not-found", "No record exists with id " + id);
        this.id = id;
    }

    @Override
    public Refusal refusal() {
        return Refusal.notFound(id);
    }
}
