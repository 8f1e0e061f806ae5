package io.relais.personaldata;

import java.util.Objects;

/** One person whose data is encrypted under a key of their own. */
public record DataSubject(DataSubjectKind kind, String id) {

    public DataSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
        return kind + "/" + id;
    }
}
