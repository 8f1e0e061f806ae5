package io.relais.web;

/** The addressed record does not exist (or, later, is not visible to the caller). */
public class NotFoundException extends RuntimeException {

    private final String kind;

    public NotFoundException(String kind, String id) {
        super(kind + " " + id + " does not exist");
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
