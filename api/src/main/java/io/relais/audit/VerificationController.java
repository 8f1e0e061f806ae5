package io.relais.audit;

import io.relais.common.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Verifications of the event store against its chains and seals (ADR 013). */
@RestController
@RequestMapping("/api/v1/audit/verifications")
@Tag(name = "Audit")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class VerificationController {

    private final StoreVerifier verifier;

    public VerificationController(StoreVerifier verifier) {
        this.verifier = verifier;
    }

    /** The range to verify; both optional (everything by default). */
    public record VerificationRequest(
            @Schema(description = "Verify the events after this store position (default: from the first)")
            @Nullable Long fromPosition,
            @Schema(description = "… up to this one (default: the last)") @Nullable Long toPosition) {
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMINISTRATOR')")
    @Operation(summary = "Verify the event store", description = "Auditors and administrators. Checks the chain of "
            + "hashes of every record's stream with events in the range, and every seal (its hash, its place in the "
            + "chain of seals, its signature by the published key) with the events it covers in the range: what is "
            + "not intact is located by record id, sequence number and store position, with why (the first "
            + StoreVerifier.MAX_PROBLEMS + " problems).")
    public Verification verify(@RequestBody(required = false) VerificationRequest request) {
        Long from = request == null ? null : request.fromPosition();
        Long to = request == null ? null : request.toPosition();
        if (from != null && from < 0) {
            throw new InvalidFieldException("fromPosition", "out-of-range", "fromPosition cannot be negative");
        }
        if (to != null && (to < 1 || from != null && to <= from)) {
            throw new InvalidFieldException("toPosition", "out-of-range",
                    "toPosition must be positive and after fromPosition");
        }
        return verifier.verify(from, to);
    }
}
