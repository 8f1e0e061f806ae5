package io.relais.observability;

import jakarta.annotation.Nullable;

import java.util.List;

/**
 * An event processor as operators and analysts follow it.
 *
 * @param kind                  PROJECTION (builds read models; can be rebuilt) or PROCESS_MANAGER (sends commands;
 *                              never replayed)
 * @param mode                  pooled or tracking
 * @param status                UP, DEGRADED (it holds dead letters) or DOWN, as the health says
 * @param position              the position its slowest segment has reached; -1 before the first event
 * @param head                  the position of the store's last event
 * @param lag                   events stored after its position
 * @param lagSeconds            how old the oldest event it has yet to process is; 0 when it is caught up
 * @param eventsPerSecond       its pace since the previous read of this list on this node; null on the first
 * @param replaying             whether it is being rebuilt (a segment replays)
 * @param replayPercent         while it replays: how far, 0 to 100
 * @param replaySecondsLeft     while it replays: the time left at its current pace, when it has one
 * @param deadLetters           events it set aside in its dead-letter queue
 */
public record ProcessorView(String name, String kind, String mode, String status, boolean running,
                            List<SegmentView> segments, long position, long head, long lag, long lagSeconds,
                            @Nullable Double eventsPerSecond, boolean replaying, @Nullable Double replayPercent,
                            @Nullable Long replaySecondsLeft, long deadLetters) {
}
