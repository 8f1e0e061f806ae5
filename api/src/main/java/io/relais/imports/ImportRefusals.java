package io.relais.imports;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.UUID;

interface ImportRefusals extends JpaRepository<ImportRefusal, ImportRefusal.Key> {

    List<ImportRefusal> findByIdJobIdOrderByIdRowIndex(UUID jobId);

    @Modifying
    @Query("delete from ImportRefusal r where r.id.jobId = :jobId")
    void deleteByJob(UUID jobId);
}
