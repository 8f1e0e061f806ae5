package io.relais.audit;

import io.relais.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The seals of the event store, published so that a copy kept by an auditor proves a later rewrite (ADR 013). */
@RestController
@RequestMapping("/api/v1/audit/seals")
@Tag(name = "Audit")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class SealController {

    private static final String AUDITORS = "hasAnyRole('AUDITOR', 'ADMINISTRATOR')";

    private final EventSealer sealer;

    public SealController(EventSealer sealer) {
        this.sealer = sealer;
    }

    @GetMapping("/latest")
    @PreAuthorize(AUDITORS)
    @ApiResponse(responseCode = "200", description = "The latest seal", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = Seal.class)))
    @ApiResponse(responseCode = "404", description = "The store has no seal yet (the first comes seconds after the "
            + "first events)", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(ref = "#/components/schemas/Problem")))
    @Operation(summary = "The latest seal of the event store", description = "Auditors and administrators. The "
            + "event store is sealed in position order, block by block, a few seconds after events are stored: each "
            + "seal covers its events' hashes, chains to the previous seal and is signed (Ed25519) by a key that is "
            + "not in the database. Keep a copy: a later rewrite of what it covers cannot produce it again.")
    public Seal latest() {
        return sealer.latest().orElseThrow(() -> new NotFoundException("Seal", "latest"));
    }
}
