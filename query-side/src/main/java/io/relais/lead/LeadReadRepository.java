package io.relais.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.common.FieldChange;
import io.relais.common.PageRequest;
import io.relais.common.SearchText;
import io.relais.organisation.Visibility;
import io.relais.personaldata.ErasedPersonalData;
import io.relais.projection.RecordRows;
import io.relais.readmodel.Listing;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lead read model's tables, and the queries they answer. Plain JDBC: the projection writes whole batches with
 * one statement each, and the queries share the projection's row mapping.
 */
@Repository
class LeadReadRepository {

    private static final String COLUMNS = "id, version, status, first_name, last_name, email, phone, company, "
            + "job_title, website, postal_code, city, country, notes, naf_code, company_size, source, source_detail, "
            + "marketing_consent, consent_date, consent_channel, consent_text_version, "
            + "owner_id, disqualification_reason, disqualification_note, "
            + "captured_at, captured_by, updated_at, converted_account_id, converted_contact_id, merged_into, merged_ids, "
            + "personal_data_erased";
    private static final Map<LeadSortField, String> SORT_COLUMNS = Map.of(
            LeadSortField.CAPTURED_AT, "captured_at",
            LeadSortField.UPDATED_AT, "updated_at",
            LeadSortField.LAST_NAME, "last_name",
            LeadSortField.COMPANY, "company",
            LeadSortField.STATUS, "status");
    private static final String UPSERT = RecordRows.upsert("lead_view", COLUMNS + ", search_text");
    private static final List<String> OPEN_STATUSES =
            List.of(LeadStatus.NEW.name(), LeadStatus.WORKING.name(), LeadStatus.QUALIFIED.name());
    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    LeadReadRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<LeadView> find(FindLead query) {
        return Listing.select(jdbc, COLUMNS, "lead_view").visibleTo(query.viewer(), "owner_id")
                .byId(query.leadId(), this::mapView);
    }

    @QueryHandler
    List<String> findOpenIds(FindOpenLeadIds query) {
        return jdbc.queryForList("select id from lead_view where owner_id = :owner and status in (:open) order by id",
                new MapSqlParameterSource("owner", query.ownerId()).addValue("open", OPEN_STATUSES), String.class);
    }

    List<LeadRow> findAll(Collection<String> ids) {
        return RecordRows.select(jdbc.getJdbcTemplate(), "select " + COLUMNS + " from lead_view where id = any(?)",
                ids, this::mapRow);
    }

    @QueryHandler
    LeadPage findPage(FindLeads query) {
        return leads(query).page(order(query), query.page(), this::mapView, LeadPage::new);
    }

    /** The whole list the query filters, whatever its page: an export. */
    @QueryHandler
    Flux<LeadView> export(FindLeads query) {
        return leads(query).rows(order(query), this::mapView);
    }

    private Listing leads(FindLeads query) {
        return Listing.select(jdbc, COLUMNS, "lead_view").visibleTo(query.viewer(), "owner_id")
                .inStatus(query.status(), LeadStatus.MERGED)
                .equal("owner_id", query.ownerId())
                .equal("source", query.source())
                .searching(query.text());
    }

    private static String order(FindLeads query) {
        return SORT_COLUMNS.get(query.sortBy()) + (query.ascending() ? " asc" : " desc") + " nulls last, id asc";
    }

    /** The lead's history and that of the duplicates merged into it (transitively), oldest first. */
    @QueryHandler
    LeadHistoryPage findHistory(FindLeadHistory query) {
        PageRequest page = query.page();
        MapSqlParameterSource params = new MapSqlParameterSource("id", query.leadId()).addValue("limit", page.size())
                .addValue("offset", page.offset());
        String family = "with recursive family(id) as (select cast(:id as varchar) union "
                + "select v.id from lead_view v join family f on v.merged_into = f.id) ";
        String where = " where lead_id in (select id from family) and exists (select 1 from lead_view where id = :id"
                + Visibility.ownedBy("owner_id", query.viewer(), params) + ")";
        long total = jdbc.queryForObject(family + "select count(*) from lead_history" + where, params, Long.class);
        List<LeadHistoryEntry> items = jdbc.query(family + "select event_id, lead_id, version, event_type, "
                + "occurred_at, user_id, on_behalf_of, correlation_id, causation_id, changes, personal_data_erased "
                + "from lead_history" + where
                + " order by occurred_at, lead_id, version limit :limit offset :offset", params, this::mapHistory);
        return new LeadHistoryPage(items, page.page(), page.size(), total);
    }

    void write(LeadProjectionBatch batch) {
        upsert(batch.leads.changed());
        insertHistory(batch.history);
        eraseHistory(batch.erasures);
    }

    private void upsert(List<LeadRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.getJdbcTemplate().batchUpdate(UPSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                LeadRow row = rows.get(i);
                LeadDetails d = row.details;
                ps.setString(1, row.id());
                ps.setLong(2, row.version());
                ps.setString(3, row.status.name());
                ps.setString(4, d.firstName());
                ps.setString(5, d.lastName());
                ps.setString(6, d.email());
                ps.setString(7, d.phone());
                ps.setString(8, d.company());
                ps.setString(9, d.jobTitle());
                ps.setString(10, d.website());
                ps.setString(11, d.postalCode());
                ps.setString(12, d.city());
                ps.setString(13, d.country());
                ps.setString(14, d.notes());
                ps.setString(15, d.nafCode());
                ps.setString(16, d.companySize());
                ps.setString(17, row.source.name());
                ps.setString(18, row.sourceDetail);
                ps.setObject(19, row.marketingConsent, Types.BOOLEAN);
                ps.setObject(20, row.consentDate, Types.DATE);
                ps.setString(21, name(row.consentChannel));
                ps.setString(22, row.consentTextVersion);
                ps.setString(23, row.ownerId);
                ps.setString(24, name(row.disqualificationReason));
                ps.setString(25, row.disqualificationNote);
                ps.setTimestamp(26, Timestamp.from(row.capturedAt));
                ps.setString(27, row.capturedBy);
                ps.setTimestamp(28, Timestamp.from(row.updatedAt()));
                ps.setString(29, row.convertedAccountId);
                ps.setString(30, row.convertedContactId);
                ps.setString(31, row.mergedIntoId);
                ps.setArray(32, ps.getConnection().createArrayOf("varchar", row.mergedLeadIds.toArray()));
                ps.setBoolean(33, row.personalDataErased);
                ps.setString(34, SearchText.of(d.firstName(), d.lastName(), d.company(), d.email()));
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    private void insertHistory(List<LeadHistoryEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.getJdbcTemplate().batchUpdate("insert into lead_history (event_id, lead_id, version, event_type, "
                + "occurred_at, user_id, on_behalf_of, correlation_id, causation_id, changes) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb)) on conflict (event_id) do nothing",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        LeadHistoryEntry e = entries.get(i);
                        ps.setString(1, e.eventId());
                        ps.setString(2, e.leadId());
                        ps.setLong(3, e.version());
                        ps.setString(4, e.type());
                        ps.setTimestamp(5, Timestamp.from(e.occurredAt()));
                        ps.setString(6, e.userId());
                        ps.setString(7, e.onBehalfOf());
                        ps.setString(8, e.correlationId());
                        ps.setString(9, e.causationId());
                        ps.setString(10, toJson(e.changes()));
                    }

                    @Override
                    public int getBatchSize() {
                        return entries.size();
                    }
                });
    }

    private void eraseHistory(List<LeadProjectionBatch.Erasure> erasures) {
        if (erasures.isEmpty()) {
            return;
        }
        jdbc.getJdbcTemplate().batchUpdate("update lead_history set personal_data_erased = true, changes = "
                + ErasedPersonalData.changesWithoutFields("changes") + " where lead_id = ? and version < ?",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        ps.setArray(1, ps.getConnection().createArrayOf("varchar",
                                LeadEventChanges.PERSONAL_FIELDS.toArray()));
                        ps.setString(2, erasures.get(i).leadId());
                        ps.setLong(3, erasures.get(i).version());
                    }

                    @Override
                    public int getBatchSize() {
                        return erasures.size();
                    }
                });
    }

    void deleteAll() {
        jdbc.getJdbcTemplate().execute("truncate lead_view, lead_history");
    }

    private LeadView mapView(ResultSet rs, int rowNum) throws SQLException {
        return mapRow(rs, rowNum).toView();
    }

    private LeadRow mapRow(ResultSet rs, int rowNum) throws SQLException {
        LeadRow row = new LeadRow(rs.getString("id"), rs.getLong("version"), instant(rs, "updated_at"));
        row.status = LeadStatus.valueOf(rs.getString("status"));
        row.details = new LeadDetails(rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"),
                rs.getString("phone"), rs.getString("company"), rs.getString("job_title"), rs.getString("website"),
                rs.getString("postal_code"), rs.getString("city"), rs.getString("country"), rs.getString("notes"),
                rs.getString("naf_code"), rs.getString("company_size"));
        row.source = LeadSource.valueOf(rs.getString("source"));
        row.sourceDetail = rs.getString("source_detail");
        row.marketingConsent = rs.getObject("marketing_consent", Boolean.class);
        row.consentDate = rs.getObject("consent_date", LocalDate.class);
        row.consentChannel = enumOrNull(ConsentChannel.class, rs.getString("consent_channel"));
        row.consentTextVersion = rs.getString("consent_text_version");
        row.ownerId = rs.getString("owner_id");
        row.disqualificationReason = enumOrNull(DisqualificationReason.class, rs.getString("disqualification_reason"));
        row.disqualificationNote = rs.getString("disqualification_note");
        row.capturedAt = instant(rs, "captured_at");
        row.capturedBy = rs.getString("captured_by");
        row.convertedAccountId = rs.getString("converted_account_id");
        row.convertedContactId = rs.getString("converted_contact_id");
        row.mergedIntoId = rs.getString("merged_into");
        row.mergedLeadIds = List.of((String[]) rs.getArray("merged_ids").getArray());
        row.personalDataErased = rs.getBoolean("personal_data_erased");
        return row;
    }

    private LeadHistoryEntry mapHistory(ResultSet rs, int rowNum) throws SQLException {
        try {
            return new LeadHistoryEntry(rs.getString("event_id"), rs.getString("lead_id"), rs.getLong("version"),
                    rs.getString("event_type"),
                    instant(rs, "occurred_at"), rs.getString("user_id"), rs.getString("on_behalf_of"),
                    rs.getString("correlation_id"), rs.getString("causation_id"),
                    json.readValue(rs.getString("changes"), CHANGES), rs.getBoolean("personal_data_erased"));
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

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
