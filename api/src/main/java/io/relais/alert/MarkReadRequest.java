package io.relais.alert;

import io.swagger.v3.oas.annotations.media.Schema;

/** How far to mark the caller's alerts read. */
public record MarkReadRequest(
        @Schema(description = "The position of an alert: it and every alert before it are read. Default: the newest "
                + "alert") Long upTo) {
}
