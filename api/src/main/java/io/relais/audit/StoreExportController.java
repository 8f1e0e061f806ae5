package io.relais.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The event store taken away for an offline verification (ADR 013). */
@RestController
@RequestMapping("/api/v1/audit/export")
@Tag(name = "Audit")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class StoreExportController {

    static final String NDJSON = "application/x-ndjson";

    private final StoreExport export;

    public StoreExportController(StoreExport export) {
        this.export = export;
    }

    @GetMapping(produces = NDJSON)
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMINISTRATOR')")
    @Operation(summary = "The whole event store as stored, with its hashes and seals", description = "Auditors and "
            + "administrators. JSON Lines: one {\"event\": …} per event in position order (every column as stored, "
            + "personal data encrypted, and its hash), then one {\"seal\": …} per seal. Check it without the "
            + "database: java -jar relais.jar audit verify --events=FILE --public-key=FILE.",
            responses = @ApiResponse(responseCode = "200", description = "The export",
                    content = @Content(mediaType = NDJSON, schema = @Schema(type = "string"))))
    public StreamingResponseBody export(HttpServletResponse response) {
        response.setContentType(NDJSON);
        return export::write;
    }
}
