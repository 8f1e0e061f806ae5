package io.relais.organisation;

/** The organisation is one aggregate: its reporting line and territories are decided together. */
public final class OrganisationIds {

    public static final String ORGANISATION_ID = "organisation";
    /** Prefix of the user id recorded when the system acts; user ids cannot contain ':'. */
    public static final String SYSTEM_PREFIX = "system:";
    /** The system importing a file's rows, on behalf of the user who imported it. */
    public static final String IMPORT = SYSTEM_PREFIX + "import";
    /** The system capturing a web form's submissions, on behalf of the form (its id). */
    public static final String WEB_FORM = SYSTEM_PREFIX + "web-form";
    /** The system suspending a webhook subscription that keeps failing, on behalf of the subscription (its id). */
    public static final String WEBHOOKS = SYSTEM_PREFIX + "webhooks";
    /** The system running workflow rules, on behalf of the rule's author (who defined or last changed it). */
    public static final String WORKFLOW = SYSTEM_PREFIX + "workflow";

    private OrganisationIds() {
    }

    public static boolean isSystem(String userId) {
        return userId != null && userId.startsWith(SYSTEM_PREFIX);
    }
}
