package io.relais.projection;

/**
 * An event's own position in the store, for read models that order by it. A processor's tracking token
 * gives the furthest position it has seen: an event committed late, into a gap, would get that of a later
 * event, and a replay (which sees no gap) another one. So the position is read from the event's row, by
 * its identifier; where the store is not this database (Axon Server, whose tokens have no gaps) the
 * token's position is the event's own.
 */
public final class StorePosition {

    private StorePosition() {
    }

    /** SQL for the position of the event whose identifier is bound at {@code eventId}, else {@code tokenPosition}. */
    public static String of(String eventId, String tokenPosition) {
        return "coalesce((select globalindex from domainevententry where eventidentifier = " + eventId + "), "
                + tokenPosition + ")";
    }
}
