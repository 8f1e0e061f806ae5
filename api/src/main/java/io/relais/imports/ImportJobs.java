package io.relais.imports;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

interface ImportJobs extends JpaRepository<ImportJob, UUID> {

    List<ImportJob> findByStatus(ImportStatus status);
}
