package io.relais.imports;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

interface ImportRefusals extends JpaRepository<ImportRefusal, ImportRefusal.Key> {

    List<ImportRefusal> findByIdJobIdOrderByIdRowIndex(UUID jobId);
}
