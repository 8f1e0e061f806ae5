package io.relais.audit;

import io.relais.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
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
    @Operation(summary = "The latest seal of the event store", description = "Auditors and administrators. The "
            + "event store is sealed in position order, block by block, a few seconds after events are stored: each "
            + "seal covers its events' hashes, chains to the previous seal and is signed (Ed25519) by a key that is "
            + "not in the database. Keep a copy: a later rewrite of what it covers cannot produce it again.")
    public Seal latest() {
        return sealer.latest().orElseThrow(() -> new NotFoundException("Seal", "latest"));
    }
}
