package io.relais.timeline;

import io.relais.alert.Alert;
import io.relais.alert.AlertKind;
import io.relais.alert.AlertPage;
import io.relais.alert.FindAlerts;
import io.relais.alert.Follow;
import io.relais.alert.FollowedKind;
import io.relais.organisation.Viewer;
import io.relais.organisation.Visibility;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's alerts, read from the timeline: the entries of the reminders and overdue alerts raised for them, and
 * the entries others made, since the user followed it, to what they follow: a record and the records whose
 * histories are part of its (a deal or an activity in a followed account), or the leads, accounts and deals a
 * followed user owns now; and the messages workflow rules left for the followers of those records (the runs of
 * {@code NOTIFY_FOLLOWERS} actions, in {@code workflow_run}). What a follow reaches is what the timeline shows the
 * user now: a record gone out of their sight alerts them no more.
 */
@Component
class AlertFeed {

    /** The cause of a reminder or an overdue alert; a change's is the index of its follow. */
    private static final int RAISED = -1;

    private final NamedParameterJdbcTemplate jdbc;
    private final TimelineRepository timeline;

    AlertFeed(NamedParameterJdbcTemplate jdbc, TimelineRepository timeline) {
        this.jdbc = jdbc;
        this.timeline = timeline;
    }

    @QueryHandler
    AlertPage findAlerts(FindAlerts query) {
        Viewer viewer = query.viewer();
        MapSqlParameterSource params = new MapSqlParameterSource("user", viewer.userId())
                .addValue("readUpTo", query.readUpTo());
        List<String> sources = new ArrayList<>();
        sources.add("select a.id as event_id, " + RAISED + " as cause, cast(null as varchar) as rule_id "
                + "from activity_alert a where a.user_id = :user");
        for (int i = 0; i < query.follows().size(); i++) {
            String records = records(query.follows().get(i), i, viewer, params);
            if (records != null) {
                params.addValue("since" + i, Timestamp.from(query.follows().get(i).followedAt()));
                sources.add("select e.event_id, " + i + ", cast(null as varchar) from timeline_entry e "
                        + "where e.record_id in (" + records + ") and e.occurred_at >= :since" + i
                        + " and e.user_id is distinct from :user and e.on_behalf_of is distinct from :user");
                // a workflow rule's message to the record's followers, whoever made the change
                sources.add("select r.event_id, " + i + ", r.rule_id from workflow_run r where r.notice is not null "
                        + "and r.record_id in (" + records + ") and r.ran_at >= :since" + i);
            }
        }
        // an event reached by several follows (an account's and its deal's) is one alert, and each rule's message one
        String alerted = "with alerted as (select event_id, rule_id, min(cause) as cause from ("
                + String.join(" union all ", sources) + ") s group by event_id, rule_id) ";
        String entries = " from alerted x join timeline_entry e on e.event_id = x.event_id";
        String unread = query.unreadOnly() ? " where e.position > :readUpTo" : "";
        long total = jdbc.queryForObject(alerted + "select count(*)" + entries + unread, params, Long.class);
        params.addValue("limit", query.page().size()).addValue("offset", query.page().offset());
        List<Alert> items = jdbc.query(alerted + "select " + TimelineRepository.ENTRY_COLUMNS
                + ", e.position, x.cause, a.kind as alert_kind, a.due_at, v.subject, r.notice" + entries
                + " left join activity_alert a on a.id = x.event_id and x.cause = " + RAISED
                + " left join activity_view v on v.id = a.activity_id"
                + " left join workflow_run r on r.rule_id = x.rule_id and r.event_id = x.event_id" + unread
                + " order by e.position desc, x.rule_id nulls first limit :limit offset :offset", params,
                (rs, n) -> alert(rs, n, query));
        return new AlertPage(items, query.page().page(), query.page().size(), total);
    }

    /**
     * The records whose entries the {@code index}th follow reaches, as a subquery or a parameter; null when it
     * reaches none the viewer may see.
     */
    private String records(Follow follow, int index, Viewer viewer, MapSqlParameterSource params) {
        if (follow.kind() == FollowedKind.USER) {
            params.addValue("owner" + index, follow.id());
            String owned = " where owner_id = :owner" + index + Visibility.ownedBy("owner_id", viewer, params);
            return "select id from lead_view" + owned + " union all select id from account_view" + owned
                    + " union all select id from opportunity_view" + owned;
        }
        List<String> members = timeline.members(TimelineKind.valueOf(follow.kind().name()), follow.id(), viewer,
                new MapSqlParameterSource());
        if (members.isEmpty()) {
            return null;
        }
        params.addValue("members" + index, members);
        return ":members" + index;
    }

    private Alert alert(ResultSet rs, int rowNum, FindAlerts query) throws SQLException {
        int cause = rs.getInt("cause");
        String raised = rs.getString("alert_kind");
        String notice = rs.getString("notice");
        Timestamp dueAt = rs.getTimestamp("due_at");
        TimelineEntry event = timeline.mapEntry(rs, rowNum);
        long position = rs.getLong("position");
        Follow followed = cause == RAISED ? null : query.follows().get(cause);
        AlertKind kind = raised != null ? AlertKind.valueOf(raised) : notice != null ? AlertKind.RULE
                : AlertKind.CHANGE;
        return new Alert(position, kind, position <= query.readUpTo(), followed == null ? null : followed.kind(),
                followed == null ? null : followed.id(),
                raised == null ? null : event.recordId(), notice != null ? notice : rs.getString("subject"),
                dueAt == null ? null : dueAt.toInstant(), event);
    }
}
