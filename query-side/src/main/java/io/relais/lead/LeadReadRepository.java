package io.relais.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.common.FieldChange;
import io.relais.common.PageRequest;
import io.relais.common.SearchText;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The lead read model's tables. Plain JDBC: the projection writes whole batches with one statement each,
 * and the queries share the projection's row mapping.
 */
@Repository
class LeadReadRepository {

    private static final String COLUMNS = "id, version, status, first_name, last_name, email, phone, company, "
            + "job_title, website, postal_code, city, country, notes, source, source_detail, marketing_consent, "
            + "consent_date, consent_channel, owner_id, disqualification_reason, disqualification_note, "
            + "captured_at, captured_by, updated_at";
    private static final Map<LeadSortField, String> SORT_COLUMNS = Map.of(
            LeadSortField.CAPTURED_AT, "captured_at",
            LeadSortField.UPDATED_AT, "updated_at",
            LeadSortField.LAST_NAME, "last_name",
            LeadSortField.COMPANY, "company",
            LeadSortField.STATUS, "status");
    private static final String UPSERT_SET = Arrays.stream((COLUMNS + ", search_text").split(", "))
            .skip(1)
            .map(column -> column + " = excluded." + column)
            .collect(Collectors.joining(", "));
    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    LeadReadRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LeadRow> find(String id) {
        return jdbc.query("select " + COLUMNS + " from lead_view where id = :id", Map.of("id", id), this::mapRow)
                .stream().findFirst();
    }

    LeadPage findPage(FindLeads query) {
        StringBuilder where = new StringBuilder(" where true");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (query.status() != null) {
            where.append(" and status = :status");
            params.addValue("status", query.status().name());
        }
        if (query.ownerId() != null) {
            where.append(" and owner_id = :owner");
            params.addValue("owner", query.ownerId());
        }
        if (query.source() != null) {
            where.append(" and source = :source");
            params.addValue("source", query.source().name());
        }
        String text = SearchText.fold(query.text());
        if (!text.isEmpty()) {
            where.append(" and search_text like :text escape '\\'");
            params.addValue("text", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        PageRequest page = query.page();
        long total = jdbc.queryForObject("select count(*) from lead_view" + where, params, Long.class);
        String order = " order by " + SORT_COLUMNS.get(query.sortBy()) + (query.ascending() ? " asc" : " desc")
                + " nulls last, id asc";
        params.addValue("limit", page.size()).addValue("offset", page.offset());
        List<LeadView> items = jdbc.query("select " + COLUMNS + " from lead_view" + where + order
                        + " limit :limit offset :offset", params, (rs, n) -> mapRow(rs, n).toView());
        return new LeadPage(items, page.page(), page.size(), total);
    }

    LeadHistoryPage findHistory(String leadId, PageRequest page) {
        Map<String, Object> params = Map.of("id", leadId, "limit", page.size(), "offset", page.offset());
        long total = jdbc.queryForObject("select count(*) from lead_history where lead_id = :id", params, Long.class);
        List<LeadHistoryEntry> items = jdbc.query("select event_id, version, event_type, occurred_at, user_id, "
                + "on_behalf_of, correlation_id, causation_id, changes from lead_history where lead_id = :id "
                + "order by version limit :limit offset :offset", params, this::mapHistory);
        return new LeadHistoryPage(items, page.page(), page.size(), total);
    }

    void upsert(Collection<LeadRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "insert into lead_view (" + COLUMNS + ", search_text) values (:id, :version, :status, "
                + ":firstName, :lastName, :email, :phone, :company, :jobTitle, :website, :postalCode, :city, "
                + ":country, :notes, :source, :sourceDetail, :marketingConsent, :consentDate, :consentChannel, "
                + ":ownerId, :disqualificationReason, :disqualificationNote, :capturedAt, :capturedBy, :updatedAt, "
                + ":searchText) on conflict (id) do update set " + UPSERT_SET;
        jdbc.batchUpdate(sql, rows.stream().map(this::parameters).toArray(SqlParameterSource[]::new));
    }

    void insertHistory(List<PendingHistory> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String sql = "insert into lead_history (event_id, lead_id, version, event_type, occurred_at, user_id, "
                + "on_behalf_of, correlation_id, causation_id, changes) values (:eventId, :leadId, :version, "
                + ":type, :occurredAt, :userId, :onBehalfOf, :correlationId, :causationId, cast(:changes as jsonb)) "
                + "on conflict (event_id) do nothing";
        List<SqlParameterSource> params = new ArrayList<>(entries.size());
        for (PendingHistory pending : entries) {
            LeadHistoryEntry e = pending.entry();
            params.add(new MapSqlParameterSource()
                    .addValue("eventId", e.eventId())
                    .addValue("leadId", pending.leadId())
                    .addValue("version", e.version())
                    .addValue("type", e.type())
                    .addValue("occurredAt", Timestamp.from(e.occurredAt()))
                    .addValue("userId", e.userId())
                    .addValue("onBehalfOf", e.onBehalfOf())
                    .addValue("correlationId", e.correlationId())
                    .addValue("causationId", e.causationId())
                    .addValue("changes", toJson(e.changes())));
        }
        jdbc.batchUpdate(sql, params.toArray(SqlParameterSource[]::new));
    }

    void deleteAll() {
        jdbc.getJdbcTemplate().execute("truncate lead_view, lead_history");
    }

    private SqlParameterSource parameters(LeadRow row) {
        LeadDetails d = row.details;
        return new MapSqlParameterSource()
                .addValue("id", row.id)
                .addValue("version", row.version)
                .addValue("status", row.status.name())
                .addValue("firstName", d.firstName())
                .addValue("lastName", d.lastName())
                .addValue("email", d.email())
                .addValue("phone", d.phone())
                .addValue("company", d.company())
                .addValue("jobTitle", d.jobTitle())
                .addValue("website", d.website())
                .addValue("postalCode", d.postalCode())
                .addValue("city", d.city())
                .addValue("country", d.country())
                .addValue("notes", d.notes())
                .addValue("source", row.source.name())
                .addValue("sourceDetail", row.sourceDetail)
                .addValue("marketingConsent", row.marketingConsent, Types.BOOLEAN)
                .addValue("consentDate", row.consentDate, Types.DATE)
                .addValue("consentChannel", row.consentChannel == null ? null : row.consentChannel.name())
                .addValue("ownerId", row.ownerId)
                .addValue("disqualificationReason",
                        row.disqualificationReason == null ? null : row.disqualificationReason.name())
                .addValue("disqualificationNote", row.disqualificationNote)
                .addValue("capturedAt", Timestamp.from(row.capturedAt))
                .addValue("capturedBy", row.capturedBy)
                .addValue("updatedAt", Timestamp.from(row.updatedAt))
                .addValue("searchText", SearchText.of(d.firstName(), d.lastName(), d.company(), d.email()));
    }

    private LeadRow mapRow(ResultSet rs, int rowNum) throws SQLException {
        LeadRow row = new LeadRow();
        row.id = rs.getString("id");
        row.version = rs.getLong("version");
        row.status = LeadStatus.valueOf(rs.getString("status"));
        row.details = new LeadDetails(rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"),
                rs.getString("phone"), rs.getString("company"), rs.getString("job_title"), rs.getString("website"),
                rs.getString("postal_code"), rs.getString("city"), rs.getString("country"), rs.getString("notes"));
        row.source = LeadSource.valueOf(rs.getString("source"));
        row.sourceDetail = rs.getString("source_detail");
        row.marketingConsent = rs.getObject("marketing_consent", Boolean.class);
        row.consentDate = rs.getObject("consent_date", LocalDate.class);
        row.consentChannel = enumOrNull(ConsentChannel.class, rs.getString("consent_channel"));
        row.ownerId = rs.getString("owner_id");
        row.disqualificationReason = enumOrNull(DisqualificationReason.class, rs.getString("disqualification_reason"));
        row.disqualificationNote = rs.getString("disqualification_note");
        row.capturedAt = instant(rs, "captured_at");
        row.capturedBy = rs.getString("captured_by");
        row.updatedAt = instant(rs, "updated_at");
        return row;
    }

    private LeadHistoryEntry mapHistory(ResultSet rs, int rowNum) throws SQLException {
        try {
            return new LeadHistoryEntry(rs.getString("event_id"), rs.getLong("version"), rs.getString("event_type"),
                    instant(rs, "occurred_at"), rs.getString("user_id"), rs.getString("on_behalf_of"),
                    rs.getString("correlation_id"), rs.getString("causation_id"),
                    json.readValue(rs.getString("changes"), CHANGES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable changes in lead_history " + rs.getString("event_id"), e);
        }
    }

    private String toJson(List<FieldChange> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write lead history changes", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
