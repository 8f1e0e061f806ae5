package io.relais.alert;

import io.relais.timeline.TimelineEntry;
import jakarta.annotation.Nullable;

import java.time.Instant;

/**
 * Something a user must see: a reminder that came due, a task or meeting gone overdue, or a change made by someone
 * else to what they follow. Each is an event of the 360° timeline, told as the timeline tells it.
 *
 * @param position     the event's position in the store: alerts come newest first by it, and are read up to one
 * @param read         whether the user marked their alerts read up to this one
 * @param followedKind for a change or a rule's message, what the user follows that it concerns: the record, the account (or deal) the
 *                     record is part of, or the user who owns the record
 * @param followedId   for a change or a rule's message, that record's or user's id
 * @param activityId   for a reminder or an overdue alert, the activity
 * @param subject      for a reminder or an overdue alert, the activity's subject; for a rule's message, the message
 * @param dueAt        for a reminder or an overdue alert, when the activity is due
 * @param event        the event: its record, who made it (and on whose behalf), when, and what it changed
 */
public record Alert(
        long position,
        AlertKind kind,
        boolean read,
        @Nullable FollowedKind followedKind,
        @Nullable String followedId,
        @Nullable String activityId,
        @Nullable String subject,
        @Nullable Instant dueAt,
        TimelineEntry event) {
}
