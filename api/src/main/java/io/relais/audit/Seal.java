package io.relais.audit;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A seal of the event store, as published for auditors to keep. */
public record Seal(
        @Schema(description = "1 for the first seal, then one by one") long sealNumber,
        @Schema(description = "The store position after which the sealed events start (the previous seal's end)")
        long fromPosition,
        @Schema(description = "The store position of the last sealed event") long toPosition,
        @Schema(description = "How many events the seal covers (positions without an event are gaps)") int eventCount,
        @Schema(description = "SHA-256, in hex, of the previous seal's hash, the numbers above and the sealed "
                + "events' positions and hashes") String sealHash,
        @Schema(description = "The previous seal's hash, in hex (zeros before the first)") String previousSealHash,
        @Schema(description = "Ed25519 signature of the seal hash, in Base64") String signature,
        Instant sealedAt,
        @Schema(description = "The public key that verifies the signature, in PEM") String publicKey) {
}
