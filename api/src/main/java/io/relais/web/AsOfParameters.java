package io.relais.web;

import io.relais.common.AsOf;
import io.relais.common.InvalidFieldException;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The past state of a record a read asks for, as query parameters: at an instant or date ({@code asOf}), or at one
 * of its versions ({@code version}); neither for the record as it is now.
 */
public record AsOfParameters(
        @Parameter(description = "The record as it stood then, rebuilt from its events: "
                + QueryParameters.INSTANT_OR_END_OF_DAY + "; not in the future. Not with version.")
        String asOf,
        @Parameter(description = "The record at this version (the number its ETag carries), rebuilt from its events. "
                + "Not with asOf.", schema = @Schema(minimum = "0"))
        Long version) {

    /** What a route that takes these parameters answers with them, for its description. */
    public static final String DESCRIPTION = " With asOf or version, the record as it stood then, rebuilt from its "
            + "events, with the ETag of that version: 404 before it existed (or for a version it never had). "
            + "Visibility is today's: the caller must be allowed to see the record now.";

    /** The past state asked for, empty for now; refused when both are given, or one is in the future or negative. */
    Optional<AsOf> pastState(Instant now) {
        if (asOf != null && version != null) {
            throw new InvalidFieldException("version", "invalid-parameter", "Give asOf or version, not both");
        }
        if (version != null) {
            if (version < 0) {
                throw new InvalidFieldException("version", "invalid-parameter", "version must be zero or more");
            }
            return Optional.of(AsOf.version(version));
        }
        return QueryParameters.instantOrEndOfDay("asOf", asOf).map(at -> {
            if (!at.isAfter(now)) {
                return AsOf.instant(at);
            }
            // today has not ended yet: today's date means now
            if (asOf.indexOf(':') < 0 && at.minus(Duration.ofDays(1)).isBefore(now)) {
                return AsOf.instant(now);
            }
            throw new InvalidFieldException("asOf", "invalid-parameter", "asOf must not be in the future");
        });
    }
}
