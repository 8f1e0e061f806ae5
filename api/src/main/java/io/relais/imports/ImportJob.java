package io.relais.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** An import's progress: operational state, kept with JPA (ADR 017). */
@Entity
@Table(name = "import_job")
class ImportJob {

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private ImportKind kind;
    @Enumerated(EnumType.STRING)
    private ImportStatus status;
    private String fileName;
    @Column(name = "file_sha256")
    private String fileSha256;
    private String charset;
    private String separator;
    /** The columns' mapping as JSON: header to field. */
    private String mapping;
    private String keyColumn;
    private String source;
    private String ownerId;
    private String importedBy;
    private int totalRows;
    private int readRows;
    private int createdRows;
    private int refusedRows;
    private int alreadyImported;
    private int nextRow;
    private int sentUntil;
    private String failure;
    private Instant createdAt;
    private Instant startedAt;
    private Instant finishedAt;
    private Instant filesDeletedAt;
    /** Null until first stored: Spring Data tells a new job by it. */
    @Version
    private Long version;

    protected ImportJob() {
    }

    ImportJob(UUID id, ImportSettings settings, String mappingJson, String importedBy, Instant createdAt) {
        this.id = id;
        this.kind = settings.kind();
        this.status = ImportStatus.RUNNING;
        this.fileName = settings.fileName();
        this.fileSha256 = settings.fileSha256();
        this.charset = settings.charset().name();
        this.separator = String.valueOf(settings.separator());
        this.mapping = mappingJson;
        this.keyColumn = settings.keyColumn();
        this.source = settings.source();
        this.ownerId = settings.ownerId();
        this.importedBy = importedBy;
        this.totalRows = settings.rows();
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    ImportKind kind() {
        return kind;
    }

    ImportStatus status() {
        return status;
    }

    String fileName() {
        return fileName;
    }

    String fileSha256() {
        return fileSha256;
    }

    String charset() {
        return charset;
    }

    char separator() {
        return separator.charAt(0);
    }

    String mapping() {
        return mapping;
    }

    String keyColumn() {
        return keyColumn;
    }

    String source() {
        return source;
    }

    String ownerId() {
        return ownerId;
    }

    String importedBy() {
        return importedBy;
    }

    int totalRows() {
        return totalRows;
    }

    ImportCounts counts() {
        return new ImportCounts(readRows, createdRows, refusedRows, alreadyImported);
    }

    int nextRow() {
        return nextRow;
    }

    int sentUntil() {
        return sentUntil;
    }

    String failure() {
        return failure;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    /** A run begins (the first, or one resuming): rows up to {@code sentUntil} may be sent before the next count. */
    void resume(Instant now, int sentUntil) {
        if (startedAt == null) {
            startedAt = now;
        }
        this.sentUntil = sentUntil;
    }

    /** The rows before {@code nextRow} are counted in; those up to {@code sentUntil} may be sent next. */
    void count(ImportCounts batch, int nextRow, int sentUntil) {
        readRows += batch.read();
        createdRows += batch.created();
        refusedRows += batch.refused();
        alreadyImported += batch.alreadyImported();
        this.nextRow = nextRow;
        this.sentUntil = sentUntil;
    }

    Instant filesDeletedAt() {
        return filesDeletedAt;
    }

    void filesDeleted(Instant now) {
        filesDeletedAt = now;
    }

    void complete(Instant now) {
        status = ImportStatus.COMPLETED;
        finishedAt = now;
    }

    void fail(String failure, Instant now) {
        status = ImportStatus.FAILED;
        this.failure = failure;
        finishedAt = now;
    }
}
