package io.relais.organisation;

/** The organisation is one aggregate: its reporting line and territories are decided together. */
public final class OrganisationIds {

    public static final String ORGANISATION_ID = "organisation";
    /** Prefix of the user id recorded when the system acts; user ids cannot contain ':'. */
    public static final String SYSTEM_PREFIX = "system:";

    private OrganisationIds() {
    }

    public static boolean isSystem(String userId) {
        return userId != null && userId.startsWith(SYSTEM_PREFIX);
    }
}
