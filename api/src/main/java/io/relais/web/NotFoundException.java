package io.relais.web;

import io.relais.common.AsOf;

import java.time.Instant;

/** The addressed record does not exist, or the caller may not see it: both answer the same 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, String id) {
        this(kind + " " + id + " does not exist");
    }

    private NotFoundException(String message) {
        super(message);
    }

    /** The record exists, but did not at that instant, or never had that version. */
    public static NotFoundException past(String kind, String id, AsOf asOf) {
        return new NotFoundException(asOf.version() != null
                ? kind + " " + id + " never had the version " + asOf.version()
                : kind + " " + id + " did not exist at " + asOf.instant());
    }

    /** What was asked for existed, and was deleted when the time it is kept was over. */
    public static NotFoundException deleted(String what, Instant when) {
        return new NotFoundException(what + " was deleted on " + when + ", once the time it is kept was over");
    }

    /**
     * The figures of a user's team (forecast, funnel, dashboard) that the caller may not see. Whether the user
     * exists, anyone signed in may read (their users list): the answer says only what is true either way.
     */
    public static NotFoundException teamFigures(String userId) {
        return new NotFoundException("No figures of the team of " + userId + " are shown to you: a team's figures "
                + "are shown to its members, to those above them and to the profiles that see everything");
    }
}
