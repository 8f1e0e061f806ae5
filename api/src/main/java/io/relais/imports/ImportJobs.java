package io.relais.imports;

import org.springframework.data.jpa.repository.JpaRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

interface ImportJobs extends JpaRepository<ImportJob, UUID> {

    /** Ended imports whose files are still kept, ended before {@code before}. */
    List<ImportJob> findTop100ByFinishedAtBeforeAndFilesDeletedAtIsNull(Instant before);
}
