package io.relais.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.common.InvalidFieldException;
import org.springframework.stereotype.Component;

import java.nio.charset.Charset;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** An import's settings as its job keeps them (the mapping of its columns as JSON), and as a request gives them. */
@Component
class ImportSettingsStore {

    private static final TypeReference<LinkedHashMap<String, String>> MAPPING = new TypeReference<>() {
    };

    private final ObjectMapper json;

    ImportSettingsStore(ObjectMapper json) {
        this.json = json;
    }

    ImportJob newJob(UUID id, ImportSettings settings, String importedBy, Instant now) {
        try {
            return new ImportJob(id, settings, json.writeValueAsString(settings.mapping()), importedBy, now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How the rows of the job's file, {@code content}, become commands. */
    ImportPlan plan(ImportJob job, byte[] content) {
        return new ImportPlan(settings(job), CsvTable.of(content, Charset.forName(job.charset()), job.separator()));
    }

    ImportSettings settings(ImportJob job) {
        return new ImportSettings(job.kind(), job.fileName(), job.fileSha256(), Charset.forName(job.charset()),
                job.separator(), mapping(job.mapping()), job.keyColumn(), job.source(), job.ownerId(),
                job.totalRows());
    }

    Map<String, String> mapping(String mapping) {
        try {
            return json.readValue(mapping, MAPPING);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An import's stored mapping cannot be read", e);
        }
    }

    /** The mapping a request asks for, none when blank; refused as {@code mapping} when it is not one. */
    Map<String, String> requested(String mapping) {
        if (mapping == null || mapping.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(mapping, MAPPING);
        } catch (JsonProcessingException e) {
            throw new InvalidFieldException("mapping", "invalid-mapping", "mapping must be a JSON object of column "
                    + "names to field names, as {\"Mél\": \"email\"}");
        }
    }
}
