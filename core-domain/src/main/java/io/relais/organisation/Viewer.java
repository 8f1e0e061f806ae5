package io.relais.organisation;

/**
 * Whose visibility a query applies: everything, or the records owned by {@code userId} and by everyone
 * below them in the hierarchy. Queries apply it in SQL.
 */
public record Viewer(String userId, boolean seesEverything) {

    public static Viewer of(String userId, Profile profile) {
        return new Viewer(userId, profile.seesEverything());
    }

    /** For the system's own reads (read-your-writes checks, process managers); never for a user's query. */
    public static Viewer system() {
        return new Viewer("system", true);
    }
}
