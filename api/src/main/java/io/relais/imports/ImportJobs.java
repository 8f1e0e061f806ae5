package io.relais.imports;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

interface ImportJobs extends JpaRepository<ImportJob, UUID> {

    Page<ImportJob> findByImportedByOrderByCreatedAtDesc(String importedBy, Pageable page);

    Page<ImportJob> findAllByOrderByCreatedAtDesc(Pageable page);

    /** Ended imports whose files are still kept, ended before {@code before}. */
    List<ImportJob> findTop100ByFinishedAtBeforeAndFilesDeletedAtIsNull(Instant before);
}
