package io.relais.imports;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * An import's file as uploaded: read again when the import resumes and for its list of refused rows. Personal
 * data: it goes with its job.
 */
@Entity
@Table(name = "import_file")
class ImportFile extends InsertedOnce<UUID> {

    @Id
    private UUID jobId;
    private byte[] content;

    protected ImportFile() {
    }

    ImportFile(UUID jobId, byte[] content) {
        this.jobId = jobId;
        this.content = content;
    }

    byte[] content() {
        return content;
    }

    @Override
    public UUID getId() {
        return jobId;
    }
}
