package io.relais.activity;

import io.relais.personaldata.ErasedPersonalData;
import io.relais.readmodel.Listing;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** The activity table and the alerts table, and the queries they answer. */
@Repository
class ActivityRepository {

    private static final String COLUMNS = "id, version, kind, status, subject, notes, account_id, contact_id, "
            + "opportunity_id, owner_id, occurred_at, due_at, remind_at, completed_at, outcome, overdue, created_at, "
            + "created_by, updated_at, personal_data_erased";
    /** Whether an activity is about a contact whose personal data was erased. */
    private static final String ABOUT_ERASED_CONTACT =
            "exists (select 1 from activity_erased_contact e where e.contact_id = :contact)";

    private final NamedParameterJdbcTemplate jdbc;

    ActivityRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, ActivityKind kind, ActivityStatus status, String subject, String notes, ActivityLinks links,
                String ownerId, Instant occurredAt, Instant dueAt, Instant remindAt, DomainEventMessage<?> message) {
        // an activity about an erased contact keeps nothing of them, whether it was projected before the erasure
        // (a replay from zero, activities in another segment than their contact's account) or after
        if (links.contactId() != null) {
            ErasedPersonalData.lock(jdbc.getJdbcTemplate(), "activity_view", false);
        }
        jdbc.update("insert into activity_view (" + COLUMNS + ") select :id, :version, :kind, :status, "
                        + "case when erased then null else :subject end, case when erased then null else :notes end, "
                        + ":account, :contact, :opportunity, :owner, :occurred, :due, :remind, null, null, "
                        + "false, :at, :by, :at, erased from (select " + ABOUT_ERASED_CONTACT + " as erased) about "
                        + "on conflict (id) do nothing",
                new MapSqlParameterSource("id", id).addValue("version", message.getSequenceNumber())
                        .addValue("kind", kind.name()).addValue("status", status.name()).addValue("subject", subject)
                        .addValue("notes", notes).addValue("account", links.accountId())
                        .addValue("contact", links.contactId()).addValue("opportunity", links.opportunityId())
                        .addValue("owner", ownerId).addValue("occurred", timestamp(occurredAt))
                        .addValue("due", timestamp(dueAt)).addValue("remind", timestamp(remindAt))
                        .addValue("at", Timestamp.from(message.getTimestamp()))
                        .addValue("by", ActivityProjection.createdBy(message)));
    }

    /** Sets {@code assignments} (may be empty) and moves the activity to the event's version, unless it is there. */
    void update(DomainEventMessage<?> message, String assignments, MapSqlParameterSource params) {
        jdbc.update("update activity_view set " + (assignments.isEmpty() ? "" : assignments + ", ")
                        + "version = :version, updated_at = :updated where id = :id and version < :version",
                params.addValue("id", message.getAggregateIdentifier())
                        .addValue("version", message.getSequenceNumber())
                        .addValue("updated", Timestamp.from(message.getTimestamp())));
    }

    void raise(DomainEventMessage<?> message, ActivityAlert.AlertKind kind, String activityId, String userId,
               Instant dueAt) {
        jdbc.update("insert into activity_alert (id, user_id, kind, activity_id, due_at, raised_at) values (:id, :user, "
                        + ":kind, :activity, :due, :at) on conflict (id) do nothing",
                new MapSqlParameterSource("id", message.getIdentifier()).addValue("user", userId)
                        .addValue("kind", kind.name()).addValue("activity", activityId)
                        .addValue("due", Timestamp.from(dueAt)).addValue("at", Timestamp.from(message.getTimestamp())));
    }

    void dropAlerts(String activityId, String userId) {
        jdbc.update("delete from activity_alert where activity_id = :activity and user_id = :user",
                new MapSqlParameterSource("activity", activityId).addValue("user", userId));
    }

    /** The deal an activity is about, if any. */
    Optional<String> opportunityOf(String activityId) {
        return jdbc.query("select opportunity_id from activity_view where id = :id", Map.of("id", activityId),
                (rs, row) -> rs.getString(1)).stream().filter(Objects::nonNull).findFirst();
    }

    /** Moves each deal's last activity done forward to the batch's, never back (events may come in any order). */
    void write(DealActivityBatch batch) {
        if (batch.lastDone.isEmpty()) {
            return;
        }
        List<MapSqlParameterSource> rows = new ArrayList<>();
        batch.lastDone.forEach((opportunityId, at) -> rows.add(new MapSqlParameterSource("deal", opportunityId)
                .addValue("at", Timestamp.from(at))));
        jdbc.batchUpdate("insert into deal_last_activity (opportunity_id, last_done_at) values (:deal, :at) "
                + "on conflict (opportunity_id) do update set last_done_at = greatest(deal_last_activity.last_done_at, "
                + "excluded.last_done_at)", rows.toArray(MapSqlParameterSource[]::new));
    }

    /**
     * Erases the personal values ({@link ActivityEventChanges#PERSONAL_FIELDS}, columns of the same names) of the
     * activities about the contact, now and when they are projected later.
     */
    void eraseContact(String contactId) {
        MapSqlParameterSource contact = new MapSqlParameterSource("contact", contactId);
        ErasedPersonalData.lock(jdbc.getJdbcTemplate(), "activity_view", true);
        jdbc.update("insert into activity_erased_contact (contact_id) values (:contact) on conflict do nothing",
                contact);
        jdbc.update("update activity_view set personal_data_erased = true, " + ActivityEventChanges.PERSONAL_FIELDS
                .stream().sorted().map(field -> field + " = null").collect(Collectors.joining(", "))
                + " where contact_id = :contact", contact);
    }

    void deleteAll() {
        jdbc.getJdbcTemplate().execute("truncate activity_view, activity_alert, deal_last_activity, "
                + "activity_erased_contact");
    }

    @QueryHandler
    Optional<ActivityView> find(FindActivity query) {
        return Listing.select(jdbc, COLUMNS, "activity_view").visibleTo(query.viewer(), "owner_id")
                .byId(query.activityId(), this::map);
    }

    @QueryHandler
    ActivityPage findPage(FindActivities query) {
        return Listing.select(jdbc, COLUMNS, "activity_view").visibleTo(query.viewer(), "owner_id")
                .equal("account_id", query.accountId())
                .equal("contact_id", query.contactId())
                .equal("opportunity_id", query.opportunityId())
                .equal("owner_id", query.ownerId())
                .equal("kind", query.kind())
                .equal("status", query.status())
                .where("due_at < :dueBefore", "dueBefore", query.dueBefore())
                .page("coalesce(due_at, occurred_at) desc, id", query.page(), this::map, ActivityPage::new);
    }

    @QueryHandler
    AlertPage findAlerts(FindAlerts query) {
        MapSqlParameterSource params = new MapSqlParameterSource("user", query.userId());
        long total = jdbc.queryForObject("select count(*) from activity_alert where user_id = :user", params,
                Long.class);
        params.addValue("limit", query.page().size()).addValue("offset", query.page().offset());
        List<ActivityAlert> items = jdbc.query("select a.id, a.kind, a.activity_id, v.subject, a.due_at, a.raised_at "
                + "from activity_alert a join activity_view v on v.id = a.activity_id where a.user_id = :user "
                + "order by a.raised_at desc, a.id limit :limit offset :offset", params, (rs, n) ->
                new ActivityAlert(rs.getString("id"), ActivityAlert.AlertKind.valueOf(rs.getString("kind")),
                        rs.getString("activity_id"), rs.getString("subject"), instant(rs, "due_at"),
                        instant(rs, "raised_at")));
        return new AlertPage(items, query.page().page(), query.page().size(), total);
    }

    @QueryHandler
    List<String> findIds(FindActivityIdsOfAccount query) {
        return jdbc.queryForList("select id from activity_view where account_id = :account order by id",
                new MapSqlParameterSource("account", query.accountId()), String.class);
    }

    private ActivityView map(ResultSet rs, int rowNum) throws SQLException {
        return new ActivityView(rs.getString("id"), rs.getLong("version"), ActivityKind.valueOf(rs.getString("kind")),
                ActivityStatus.valueOf(rs.getString("status")), rs.getString("subject"), rs.getString("notes"),
                rs.getString("account_id"), rs.getString("contact_id"), rs.getString("opportunity_id"),
                rs.getString("owner_id"), instant(rs, "occurred_at"), instant(rs, "due_at"), instant(rs, "remind_at"),
                instant(rs, "completed_at"), rs.getString("outcome"), rs.getBoolean("overdue"),
                instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "updated_at"),
                rs.getBoolean("personal_data_erased"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
