package io.relais.organisation;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The SQL that limits a query to what a viewer may see: everything, or the records whose owner is the
 * viewer or anyone below them in the reporting line, walked with a recursive CTE on the organisation read
 * model so that a change of manager shows at once.
 */
public final class Visibility {

    private static final String SUBTREE = "with recursive subtree(id) as (select cast(:viewerId as varchar) "
            + "union select u.id from org_user u join subtree s on u.manager_id = s.id) select id from subtree";

    private Visibility() {
    }

    /** {@code " and <ownerColumn> in (subtree)"}, or nothing for a viewer who sees everything. */
    public static String ownedBy(String ownerColumn, Viewer viewer, MapSqlParameterSource params) {
        if (viewer.seesEverything()) {
            return "";
        }
        params.addValue("viewerId", viewer.userId());
        return " and " + ownerColumn + " in (" + SUBTREE + ")";
    }
}
