package io.relais.imports;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** A row an import refused, and why: a line of the import's list of errors. */
@Entity
@Table(name = "import_refusal")
class ImportRefusal extends InsertedOnce<ImportRefusal.Key> {

    @EmbeddedId
    private Key id;
    private int line;
    private String field;
    private String problem;

    /** The job, and the row counted from 0 after the header. */
    @Embeddable
    record Key(UUID jobId, int rowIndex) implements Serializable {
    }

    protected ImportRefusal() {
    }

    ImportRefusal(UUID jobId, RowRefusal refusal) {
        this.id = new Key(jobId, refusal.rowIndex());
        this.line = refusal.line();
        this.field = refusal.field();
        this.problem = refusal.problem();
    }

    RowRefusal refusal() {
        return new RowRefusal(id.rowIndex(), line, field, problem);
    }

    @Override
    public Key getId() {
        return id;
    }
}
