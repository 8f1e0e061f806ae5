package io.relais.observability;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

/**
 * One segment of a processor (a share of the event store it processes).
 *
 * @param claimedBy the node processing it (its token claim's owner); null when no live node does
 * @param position  the store position it has reached; -1 before the first event
 * @param replayEnd while it replays: the position it replays up to (where it was when it was reset)
 */
public record SegmentView(int segment, @Nullable String claimedBy, long position, boolean replaying,
                          @Schema(description = "While it replays: the position it replays up to")
                          @Nullable Long replayEnd) {
}
