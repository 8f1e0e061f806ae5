package io.relais.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.common.FieldChange;
import io.relais.account.AccountEventChanges;
import io.relais.activity.ActivityEventChanges;
import io.relais.common.PageRequest;
import io.relais.lead.LeadEventChanges;
import io.relais.organisation.Viewer;
import io.relais.organisation.Visibility;
import io.relais.personaldata.DataSubjectKind;
import io.relais.personaldata.ErasedPersonalData;
import io.relais.projection.StorePosition;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The timeline's tables (one entry per event, and the links that make a record's history part of another's), and
 * the queries they answer. A timeline is the entries of a record and of its members, found by walking the links
 * transitively (a lead merged into a lead converted into an account merged into another ...).
 */
@Repository
class TimelineRepository {

    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
    };
    private static final String MEMBERS = "with recursive members(id) as (select cast(:id as varchar) union "
            + "select l.member_id from timeline_link l join members m on l.record_id = m.id) ";

    /** An entry's columns, as {@link #mapEntry} reads them. */
    static final String ENTRY_COLUMNS = "e.event_id, e.kind, e.event_type, e.record_id, e.record_version, "
            + "e.contact_id, e.occurred_at, e.user_id, e.on_behalf_of, e.correlation_id, e.causation_id, e.changes, "
            + "e.personal_data_erased";
    /** Where the owner of a lead, an account or a deal is, which says who sees the record's timeline. */
    private static final Map<TimelineKind, String> OWNED_RECORDS = Map.of(TimelineKind.LEAD, "lead_view",
            TimelineKind.ACCOUNT, "account_view", TimelineKind.OPPORTUNITY, "opportunity_view");

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    TimelineRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write(TimelineBatch batch) {
        List<TimelineRow> rows = batch.rows;
        ErasedPersonalData.lock(jdbc.getJdbcTemplate(), "timeline_entry", !batch.erasures.isEmpty());
        jdbc.getJdbcTemplate().batchUpdate("insert into timeline_entry (event_id, position, record_id, kind, contact_id, "
                        + "event_type, record_version, occurred_at, user_id, on_behalf_of, correlation_id, causation_id, "
                        + "changes) values (?, " + StorePosition.of("?", "?") + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "cast(? as jsonb)) on conflict (event_id) do nothing",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        TimelineEntry e = rows.get(i).entry();
                        ps.setString(1, e.eventId());
                        ps.setString(2, e.eventId());
                        ps.setLong(3, rows.get(i).position());
                        ps.setString(4, e.recordId());
                        ps.setString(5, e.kind().name());
                        ps.setString(6, e.contactId());
                        ps.setString(7, e.type());
                        ps.setLong(8, e.version());
                        ps.setTimestamp(9, Timestamp.from(e.occurredAt()));
                        ps.setString(10, e.userId());
                        ps.setString(11, e.onBehalfOf());
                        ps.setString(12, e.correlationId());
                        ps.setString(13, e.causationId());
                        ps.setString(14, toJson(e.changes()));
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                });
        List<TimelineLink> links = List.copyOf(batch.links);
        jdbc.getJdbcTemplate().batchUpdate("insert into timeline_link (record_id, member_id) values (?, ?) "
                        + "on conflict do nothing",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        ps.setString(1, links.get(i).recordId());
                        ps.setString(2, links.get(i).memberId());
                    }

                    @Override
                    public int getBatchSize() {
                        return links.size();
                    }
                });
        eraseWhatWasErased(rows.stream().map(row -> row.entry().eventId()).toArray(), batch.erasures);
    }

    /**
     * Leaves the personal fields out of the entries about an erased person that came before the erasure (their
     * own, and for a contact the activities about them), marking them: the entries of this batch, and the earlier
     * entries of the persons erased in this batch. An entry and its erasure may be projected in either order
     * (an activity's events in another segment than its contact's account's), and each order gives these rows.
     */
    private void eraseWhatWasErased(Object[] eventIds, List<TimelineBatch.Erasure> erasures) {
        Object[] leads = erasures.stream().filter(erasure -> erasure.kind() == DataSubjectKind.LEAD)
                .map(TimelineBatch.Erasure::subjectId).toArray();
        Object[] contacts = erasures.stream().filter(erasure -> erasure.kind() == DataSubjectKind.CONTACT)
                .map(TimelineBatch.Erasure::subjectId).toArray();
        erase("e.kind = 'LEAD'", "e.record_id = any(?)", "x.event_type = 'LeadPersonalDataErased' "
                + "and x.record_id = e.record_id", LeadEventChanges.PERSONAL_FIELDS, eventIds, leads);
        erase("e.kind = 'CONTACT'", "e.contact_id = any(?)", "x.event_type = 'ContactPersonalDataErased' "
                + "and x.contact_id = e.contact_id", AccountEventChanges.CONTACT_PERSONAL_FIELDS, eventIds, contacts);
        erase("e.kind = 'ACTIVITY'", "e.record_id in (select l.member_id from timeline_link l "
                + "where l.record_id = any(?))", "x.event_type = 'ContactPersonalDataErased' and x.contact_id in "
                + "(select l.record_id from timeline_link l where l.member_id = e.record_id)",
                ActivityEventChanges.PERSONAL_FIELDS, eventIds, contacts);
    }

    /**
     * Two statements rather than one with an {@code or}, which no index serves: over a rebuild's million entries
     * that made every batch read the whole table. The batch's own entries are found by their ids, the entries about
     * the persons erased in this batch (none in most batches) through the record and contact indexes, and the
     * later erasures through the partial indexes of the erasure events ({@code V23}).
     */
    private void erase(String kind, String aboutErased, String laterErasure, Set<String> personalFields,
                       Object[] eventIds, Object[] erasedIds) {
        if (eventIds.length > 0) {
            erase(kind, "e.event_id = any(?)", laterErasure, personalFields, eventIds);
        }
        if (erasedIds.length > 0) {
            erase(kind, aboutErased, laterErasure, personalFields, erasedIds);
        }
    }

    private void erase(String kind, String which, String laterErasure, Set<String> personalFields, Object[] ids) {
        jdbc.getJdbcTemplate().update("update timeline_entry e set personal_data_erased = true, changes = "
                + ErasedPersonalData.changesWithoutFields("e.changes") + " where " + kind
                + " and not e.personal_data_erased and " + which + " "
                + "and exists (select 1 from timeline_entry x where " + laterErasure + " and x.position > e.position)",
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("varchar", personalFields.toArray()));
                    ps.setArray(2, ps.getConnection().createArrayOf("varchar", ids));
                });
    }

    void deleteAll() {
        jdbc.getJdbcTemplate().execute("truncate timeline_entry, timeline_link");
    }

    @QueryHandler
    TimelinePage findAccountTimeline(FindAccountTimeline query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<String> members = members(TimelineKind.ACCOUNT, query.accountId(), query.viewer(), params);
        List<String> sources = new ArrayList<>();
        for (String member : members) {
            sources.add(recordIs(member, sources.size(), params));
        }
        return page(sources, params, query.filter(), query.page());
    }

    @QueryHandler
    TimelinePage findContactTimeline(FindContactTimeline query) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", query.contactId());
        List<String> members = members("exists (select 1 from contact_view c join account_view a "
                + "on a.id = c.account_id where c.id = :id" + Visibility.ownedBy("a.owner_id", query.viewer(), params)
                + ")", query.viewer(), params);
        List<String> sources = new ArrayList<>();
        for (String member : members) {
            sources.add(member.equals(query.contactId()) ? "e.contact_id = :id"
                    : recordIs(member, sources.size(), params));
        }
        return page(sources, params, query.filter(), query.page());
    }

    private static String recordIs(String recordId, int index, MapSqlParameterSource params) {
        params.addValue("record" + index, recordId);
        return "e.record_id = :record" + index;
    }

    /**
     * Lead, account or deal {@code id} and the records whose histories are part of its, as {@code viewer} sees
     * them: none when they may not see it (see {@link #members(String, Viewer, MapSqlParameterSource)}).
     */
    List<String> members(TimelineKind kind, String id, Viewer viewer, MapSqlParameterSource params) {
        params.addValue("id", id);
        return members("exists (select 1 from " + OWNED_RECORDS.get(kind) + " r where r.id = :id"
                + Visibility.ownedBy("r.owner_id", viewer, params) + ")", viewer, params);
    }

    /**
     * The record and the records whose histories are part of its, or none when {@code visible} is false. The
     * deals and activities among them are left out unless {@code viewer} may see them by their own owner.
     */
    private List<String> members(String visible, Viewer viewer, MapSqlParameterSource params) {
        return jdbc.queryForList(MEMBERS + "select id from members m where " + visible + ownersVisible(viewer, params)
                + " order by id", params, String.class);
    }

    /**
     * A deal's or an activity's history, told by the kind of its entries (a record's are all OPPORTUNITY, all
     * ACTIVITY, or neither), shows only when its read model row is in the viewer's sight: one not there yet
     * stays hidden too.
     */
    private static String ownersVisible(Viewer viewer, MapSqlParameterSource params) {
        if (viewer.seesEverything()) {
            return "";
        }
        params.addValue("ownedKinds", List.of(TimelineKind.OPPORTUNITY.name(), TimelineKind.ACTIVITY.name()));
        return " and (coalesce((select k.kind from timeline_entry k where k.record_id = m.id limit 1), '') "
                + "not in (:ownedKinds) or exists (select 1 from opportunity_view o where o.id = m.id"
                + Visibility.ownedBy("o.owner_id", viewer, params) + ") or exists (select 1 from activity_view v "
                + "where v.id = m.id" + Visibility.ownedBy("v.owner_id", viewer, params) + "))";
    }

    /**
     * A page of the entries of the given sources (one condition each). Each source is read in order through
     * its index, at most as far as the page reaches, and only the page's rows are then fetched whole: an
     * account with ten thousand entries is paged without sorting them all.
     */
    private TimelinePage page(List<String> sources, MapSqlParameterSource params, TimelineFilter filter,
                              PageRequest page) {
        if (sources.isEmpty()) {
            return new TimelinePage(List.of(), page.page(), page.size(), 0);
        }
        StringBuilder filters = new StringBuilder();
        if (!filter.kinds().isEmpty()) {
            filters.append(" and e.kind in (:kinds)");
            params.addValue("kinds", filter.kinds().stream().map(Enum::name).toList());
        }
        if (filter.from() != null) {
            filters.append(" and e.occurred_at >= :from");
            params.addValue("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            filters.append(" and e.occurred_at < :to");
            params.addValue("to", Timestamp.from(filter.to()));
        }
        String direction = filter.oldestFirst() ? " asc" : " desc";
        String order = " order by occurred_at" + direction + ", position" + direction;
        long total = 0;
        List<String> branches = new ArrayList<>();
        for (String source : sources) {
            total += jdbc.queryForObject("select count(*) from timeline_entry e where " + source + filters, params,
                    Long.class);
            branches.add("(select e.event_id, e.occurred_at, e.position from timeline_entry e where " + source
                    + filters + order + " limit :reach)");
        }
        params.addValue("limit", page.size()).addValue("offset", page.offset())
                .addValue("reach", page.offset() + page.size());
        List<TimelineEntry> items = jdbc.query("with page as (select * from (" + String.join(" union all ", branches)
                + ") source" + order + " limit :limit offset :offset) select " + ENTRY_COLUMNS
                + " from page p join timeline_entry e "
                + "on e.event_id = p.event_id order by p.occurred_at" + direction + ", p.position" + direction,
                params, this::mapEntry);
        return new TimelinePage(items, page.page(), page.size(), total);
    }

    TimelineEntry mapEntry(ResultSet rs, int rowNum) throws SQLException {
        try {
            return new TimelineEntry(rs.getString("event_id"), TimelineKind.valueOf(rs.getString("kind")),
                    rs.getString("event_type"), rs.getString("record_id"), rs.getLong("record_version"),
                    rs.getString("contact_id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("user_id"),
                    rs.getString("on_behalf_of"), rs.getString("correlation_id"), rs.getString("causation_id"),
                    json.readValue(rs.getString("changes"), CHANGES), rs.getBoolean("personal_data_erased"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable changes in timeline entry " + rs.getString("event_id"), e);
        }
    }

    private String toJson(List<FieldChange> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write timeline changes", e);
        }
    }
}
