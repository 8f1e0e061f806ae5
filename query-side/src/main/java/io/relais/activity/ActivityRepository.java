package io.relais.activity;

import io.relais.personaldata.ErasedPersonalData;
import io.relais.projection.RecordRows;
import io.relais.projection.RunningTotals;
import io.relais.readmodel.Listing;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The activity table and the alerts table (which the alerts feed reads with the timeline), and the queries they
 * answer.
 */
@Repository
class ActivityRepository {

    private static final String COLUMNS = "id, version, kind, status, subject, notes, account_id, contact_id, "
            + "opportunity_id, owner_id, occurred_at, due_at, remind_at, completed_at, outcome, overdue, created_at, "
            + "created_by, updated_at, personal_data_erased";
    private static final String ACTIVITY_ORDER = "coalesce(due_at, occurred_at) desc, id";

    private static final String UPSERT = RecordRows.upsert("activity_view", COLUMNS);

    private final NamedParameterJdbcTemplate jdbc;

    ActivityRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<ActivityRow> findAll(Collection<String> ids) {
        return RecordRows.select(jdbc.getJdbcTemplate(), "select " + COLUMNS + " from activity_view where id = any(?)",
                ids, this::mapRow);
    }

    /**
     * Writes a batch of the projection: the changed activities with their totals, then the alerts raised and dropped
     * in the events' order, then each deal's last activity done, moved forward, never back (events may come in any
     * order).
     */
    void write(ActivityBatch batch) {
        List<ActivityRow> activities = batch.activities.changed();
        eraseAboutErasedContacts(batch, activities);
        if (!activities.isEmpty()) {
            List<String> ids = activities.stream().map(ActivityRow::id).toList();
            RunningTotals.Snapshot before = ActivityTotals.DONE_BY_WEEK.of(jdbc.getJdbcTemplate(), ids);
            jdbc.getJdbcTemplate().batchUpdate(UPSERT, activities, activities.size(), (ps, row) -> {
                ps.setString(1, row.id());
                ps.setLong(2, row.version());
                ps.setString(3, row.kind.name());
                ps.setString(4, row.status.name());
                ps.setString(5, row.subject);
                ps.setString(6, row.notes);
                ps.setString(7, row.accountId);
                ps.setString(8, row.contactId);
                ps.setString(9, row.opportunityId);
                ps.setString(10, row.ownerId);
                ps.setTimestamp(11, timestamp(row.occurredAt));
                ps.setTimestamp(12, timestamp(row.dueAt));
                ps.setTimestamp(13, timestamp(row.remindAt));
                ps.setTimestamp(14, timestamp(row.completedAt));
                ps.setString(15, row.outcome);
                ps.setBoolean(16, row.overdue);
                ps.setTimestamp(17, Timestamp.from(row.createdAt));
                ps.setString(18, row.createdBy);
                ps.setTimestamp(19, Timestamp.from(row.updatedAt()));
                ps.setBoolean(20, row.personalDataErased);
            });
            ActivityTotals.DONE_BY_WEEK.add(jdbc.getJdbcTemplate(), before,
                    ActivityTotals.DONE_BY_WEEK.of(jdbc.getJdbcTemplate(), ids));
        }
        for (ActivityBatch.AlertChange change : batch.alerts) {
            if (change instanceof ActivityBatch.Raised raised) {
                jdbc.update("insert into activity_alert (id, user_id, kind, activity_id, due_at, raised_at) values "
                                + "(:id, :user, :kind, :activity, :due, :at) on conflict (id) do nothing",
                        new MapSqlParameterSource("id", raised.eventId()).addValue("user", raised.userId())
                                .addValue("kind", raised.kind().name()).addValue("activity", raised.activityId())
                                .addValue("due", Timestamp.from(raised.dueAt()))
                                .addValue("at", Timestamp.from(raised.at())));
            } else if (change instanceof ActivityBatch.Dropped dropped) {
                jdbc.update("delete from activity_alert where activity_id = :activity and user_id = :user",
                        new MapSqlParameterSource("activity", dropped.activityId()).addValue("user", dropped.userId()));
            }
        }
        if (batch.lastDone.isEmpty()) {
            return;
        }
        List<MapSqlParameterSource> rows = new ArrayList<>();
        batch.lastDone.forEach((opportunityId, at) -> rows.add(new MapSqlParameterSource("deal", opportunityId)
                .addValue("at", Timestamp.from(at))));
        // the deals' last activity in deal_idleness (V27; the opportunity projection keeps the rest), in the deals'
        // order as the opportunity projection writes its columns
        jdbc.batchUpdate("insert into deal_idleness (opportunity_id, last_done_at) values (:deal, :at) "
                + "on conflict (opportunity_id) do update set last_done_at = excluded.last_done_at "
                + "where deal_idleness.last_done_at is null or deal_idleness.last_done_at < excluded.last_done_at",
                rows.toArray(MapSqlParameterSource[]::new));
    }

    /**
     * An activity about an erased contact keeps nothing of them (ActivityEventChanges.PERSONAL_FIELDS, columns of the
     * same names), whether it is projected before the erasure (a replay, an activity in another segment than its
     * contact's account) or after it: the contacts erased are kept, and erasures and writes of activities about a
     * contact are ordered by a lock, so that neither misses the other's uncommitted rows.
     */
    private void eraseAboutErasedContacts(ActivityBatch batch, List<ActivityRow> activities) {
        Set<String> contacts = activities.stream().map(row -> row.contactId).filter(Objects::nonNull)
                .collect(Collectors.toCollection(HashSet::new));
        if (contacts.isEmpty() && batch.erasedContacts.isEmpty()) {
            return;
        }
        ErasedPersonalData.lock(jdbc.getJdbcTemplate(), "activity_view", !batch.erasedContacts.isEmpty());
        for (String contact : batch.erasedContacts) {
            jdbc.update("insert into activity_erased_contact (contact_id) values (:contact) on conflict do nothing",
                    Map.of("contact", contact));
        }
        Set<String> erased = new HashSet<>(batch.erasedContacts);
        if (!contacts.isEmpty()) {
            erased.addAll(jdbc.queryForList("select contact_id from activity_erased_contact where contact_id in "
                    + "(:contacts)", Map.of("contacts", contacts), String.class));
        }
        activities.stream().filter(row -> erased.contains(row.contactId)).forEach(ActivityRow::erase);
        if (!batch.erasedContacts.isEmpty()) {
            jdbc.update("update activity_view set personal_data_erased = true, " + ActivityEventChanges.PERSONAL_FIELDS
                    .stream().sorted().map(field -> field + " = null").collect(Collectors.joining(", "))
                    + " where contact_id in (:contacts)", Map.of("contacts", batch.erasedContacts));
        }
    }

    void deleteAll() {
        JdbcTemplate jdbc = this.jdbc.getJdbcTemplate();
        jdbc.execute("truncate activity_view, activity_alert, activity_done_week, activity_erased_contact");
        jdbc.update("delete from deal_idleness where opened_at is null");
        jdbc.update("update deal_idleness set last_done_at = null where last_done_at is not null");
    }

    @QueryHandler
    Optional<ActivityView> find(FindActivity query) {
        return Listing.select(jdbc, COLUMNS, "activity_view").visibleTo(query.viewer(), "owner_id")
                .byId(query.activityId(), this::mapView);
    }

    @QueryHandler
    ActivityPage findPage(FindActivities query) {
        return activities(query).page(ACTIVITY_ORDER, query.page(), this::mapView, ActivityPage::new);
    }

    /** The whole list the query filters, whatever its page: an export. */
    @QueryHandler
    Flux<ActivityView> export(FindActivities query) {
        return activities(query).rows(ACTIVITY_ORDER, this::mapView);
    }

    private Listing activities(FindActivities query) {
        return Listing.select(jdbc, COLUMNS, "activity_view").visibleTo(query.viewer(), "owner_id")
                .equal("account_id", query.accountId())
                .equal("contact_id", query.contactId())
                .equal("opportunity_id", query.opportunityId())
                .equal("owner_id", query.ownerId())
                .equal("kind", query.kind())
                .equal("status", query.status())
                .where("due_at < :dueBefore", "dueBefore", query.dueBefore());
    }

    @QueryHandler
    List<String> findIds(FindActivityIdsOfAccount query) {
        return jdbc.queryForList("select id from activity_view where account_id = :account order by id",
                new MapSqlParameterSource("account", query.accountId()), String.class);
    }

    private ActivityView mapView(ResultSet rs, int rowNum) throws SQLException {
        return mapRow(rs, rowNum).toView();
    }

    private ActivityRow mapRow(ResultSet rs, int rowNum) throws SQLException {
        ActivityRow row = new ActivityRow(rs.getString("id"), rs.getLong("version"), instant(rs, "updated_at"));
        row.kind = ActivityKind.valueOf(rs.getString("kind"));
        row.status = ActivityStatus.valueOf(rs.getString("status"));
        row.subject = rs.getString("subject");
        row.notes = rs.getString("notes");
        row.accountId = rs.getString("account_id");
        row.contactId = rs.getString("contact_id");
        row.opportunityId = rs.getString("opportunity_id");
        row.ownerId = rs.getString("owner_id");
        row.occurredAt = instant(rs, "occurred_at");
        row.dueAt = instant(rs, "due_at");
        row.remindAt = instant(rs, "remind_at");
        row.completedAt = instant(rs, "completed_at");
        row.outcome = rs.getString("outcome");
        row.overdue = rs.getBoolean("overdue");
        row.createdAt = instant(rs, "created_at");
        row.createdBy = rs.getString("created_by");
        row.personalDataErased = rs.getBoolean("personal_data_erased");
        return row;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
