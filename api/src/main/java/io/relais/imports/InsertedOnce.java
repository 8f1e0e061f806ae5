package io.relais.imports;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * A row stored once and never changed, its id given rather than generated: Spring Data inserts it without
 * looking for it first (which it does for a given id it cannot tell new).
 */
@MappedSuperclass
abstract class InsertedOnce<I> implements Persistable<I> {

    @Transient
    private boolean stored;

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    void loaded() {
        stored = true;
    }
}
