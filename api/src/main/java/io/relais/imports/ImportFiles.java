package io.relais.imports;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

interface ImportFiles extends JpaRepository<ImportFile, UUID> {
}
