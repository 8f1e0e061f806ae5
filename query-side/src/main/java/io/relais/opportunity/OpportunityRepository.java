package io.relais.opportunity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.common.SearchText;
import io.relais.projection.RecordRows;
import io.relais.projection.RunningTotals;
import io.relais.readmodel.Listing;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The opportunity table (one row per deal, with its line items as JSON) and the deals' history of versions, and the
 * queries they answer.
 */
@Repository
class OpportunityRepository {

    private static final String COLUMNS = "id, version, account_id, owner_id, name, primary_contact_id, lead_id, "
            + "currency, amount, margin, expected_close_date, price_list, stage, probability, forecast_category, "
            + "status, loss_reason, loss_note, closed_on, line_items, created_at, created_by, updated_at, stages_visited";
    private static final String DEAL_ORDER = "expected_close_date, name, id";
    private static final String UPSERT = RecordRows.upsert("opportunity_view", COLUMNS + ", search_text");
    private static final List<RunningTotals> TOTALS = List.of(DealTotals.TOTALS, DealTotals.OPEN, DealTotals.CLOSED);
    private static final TypeReference<List<LineItem>> LINES = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    OpportunityRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<OpportunityRow> findAll(Collection<String> ids) {
        return RecordRows.select(jdbc.getJdbcTemplate(), "select " + COLUMNS + " from opportunity_view where id = any(?)",
                ids, this::mapRow);
    }

    /**
     * Writes a batch of the projection: the deals' rows with their totals, then the end of their versions in force,
     * then the new ones.
     */
    void write(OpportunityBatch batch) {
        List<OpportunityRow> deals = batch.deals.changed();
        if (deals.isEmpty()) {
            return;
        }
        JdbcTemplate jdbc = this.jdbc.getJdbcTemplate();
        List<String> ids = deals.stream().map(OpportunityRow::id).toList();
        List<RunningTotals.Snapshot> before = TOTALS.stream().map(totals -> totals.of(jdbc, ids)).toList();
        jdbc.batchUpdate(UPSERT, deals, deals.size(), (ps, row) -> {
            ps.setString(1, row.id());
            ps.setLong(2, row.version());
            ps.setString(3, row.accountId);
            ps.setString(4, row.ownerId);
            ps.setString(5, row.name);
            ps.setString(6, row.primaryContactId);
            ps.setString(7, row.leadId);
            ps.setString(8, row.currency);
            ps.setBigDecimal(9, row.amount);
            ps.setBigDecimal(10, row.margin);
            ps.setDate(11, Date.valueOf(row.expectedCloseDate));
            ps.setString(12, row.priceList);
            ps.setString(13, row.stage.name());
            ps.setInt(14, row.stage.probability());
            ps.setString(15, row.stage.category().name());
            ps.setString(16, row.status.name());
            ps.setString(17, row.lossReason == null ? null : row.lossReason.name());
            ps.setString(18, row.lossNote);
            ps.setDate(19, date(row.closedOn));
            ps.setObject(20, write(row.lineItems), Types.OTHER);
            ps.setTimestamp(21, Timestamp.from(row.createdAt));
            ps.setString(22, row.createdBy);
            ps.setTimestamp(23, Timestamp.from(row.updatedAt()));
            ps.setArray(24, ps.getConnection().createArrayOf("varchar", row.stagesVisited.toArray()));
            ps.setString(25, SearchText.of(row.name));
        });
        for (int i = 0; i < TOTALS.size(); i++) {
            TOTALS.get(i).add(jdbc, before.get(i), TOTALS.get(i).of(jdbc, ids));
        }
        writeIdleness(jdbc, deals);
        jdbc.batchUpdate("update opportunity_history set valid_to = ? where opportunity_id = ? and valid_to is null",
                batch.ended.entrySet().stream().map(end -> new Object[]{Timestamp.from(end.getValue()), end.getKey()})
                        .toList());
        jdbc.batchUpdate("insert into opportunity_history (opportunity_id, version, valid_from, valid_to, owner_id, "
                        + "account_id, currency, amount, margin, expected_close_date, stage, probability, "
                        + "forecast_category, status, closed_on, stages_visited, opened_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                batch.versions, batch.versions.size(), (ps, version) -> {
                    ps.setString(1, version.opportunityId());
                    ps.setLong(2, version.version());
                    ps.setTimestamp(3, Timestamp.from(version.validFrom()));
                    ps.setTimestamp(4, version.validTo() == null ? null : Timestamp.from(version.validTo()));
                    ps.setString(5, version.ownerId());
                    ps.setString(6, version.accountId());
                    ps.setString(7, version.currency());
                    ps.setBigDecimal(8, version.amount());
                    ps.setBigDecimal(9, version.margin());
                    ps.setDate(10, Date.valueOf(version.expectedCloseDate()));
                    ps.setString(11, version.stage().name());
                    ps.setInt(12, version.stage().probability());
                    ps.setString(13, version.stage().category().name());
                    ps.setString(14, version.status().name());
                    ps.setDate(15, date(version.closedOn()));
                    ps.setArray(16, ps.getConnection().createArrayOf("varchar", version.stagesVisited().toArray()));
                    ps.setTimestamp(17, Timestamp.from(version.openedAt()));
                });
    }

    /**
     * The deals' columns of {@code deal_idleness} (V27; the activity projection keeps their last activity): in the
     * deals' order, as the activity projection writes its own, so that the two never wait for each other in a cycle.
     */
    private static void writeIdleness(JdbcTemplate jdbc, List<OpportunityRow> deals) {
        List<OpportunityRow> sorted = deals.stream().sorted(Comparator.comparing(OpportunityRow::id)).toList();
        jdbc.batchUpdate("insert into deal_idleness (opportunity_id, owner_id, open, opened_at) values (?, ?, ?, ?) "
                        + "on conflict (opportunity_id) do update set owner_id = excluded.owner_id, open = excluded.open, "
                        + "opened_at = excluded.opened_at where (deal_idleness.owner_id, deal_idleness.open, "
                        + "deal_idleness.opened_at) is distinct from (excluded.owner_id, excluded.open, excluded.opened_at)",
                sorted, sorted.size(), (ps, row) -> {
                    ps.setString(1, row.id());
                    ps.setString(2, row.ownerId);
                    ps.setBoolean(3, row.status == OpportunityStatus.OPEN);
                    ps.setTimestamp(4, Timestamp.from(row.createdAt));
                });
    }

    void deleteAll() {
        JdbcTemplate jdbc = this.jdbc.getJdbcTemplate();
        jdbc.execute("truncate opportunity_view, opportunity_history, deal_total, open_deal_total, closed_deal_total");
        jdbc.update("delete from deal_idleness where last_done_at is null");
        jdbc.update("update deal_idleness set owner_id = null, open = false, opened_at = null where opened_at is not null");
    }

    @QueryHandler
    Optional<OpportunityView> find(FindOpportunity query) {
        return Listing.select(jdbc, COLUMNS, "opportunity_view").visibleTo(query.viewer(), "owner_id")
                .byId(query.opportunityId(), this::mapView);
    }

    @QueryHandler
    OpportunityPage findPage(FindOpportunities query) {
        return opportunities(query).page(DEAL_ORDER, query.page(), this::mapView, OpportunityPage::new);
    }

    /** The whole list the query filters, whatever its page: an export. */
    @QueryHandler
    Flux<OpportunityView> export(FindOpportunities query) {
        return opportunities(query).rows(DEAL_ORDER, this::mapView);
    }

    private Listing opportunities(FindOpportunities query) {
        return Listing.select(jdbc, COLUMNS, "opportunity_view").visibleTo(query.viewer(), "owner_id")
                .equal("account_id", query.accountId())
                .equal("owner_id", query.ownerId())
                .equal("status", query.status())
                .equal("stage", query.stage())
                .where("expected_close_date >= :from", "from", query.closingFrom())
                .where("expected_close_date < :before", "before", query.closingBefore())
                .searching(query.text());
    }

    @QueryHandler
    List<String> findIds(FindOpportunityIdsOfAccount query) {
        return jdbc.queryForList("select id from opportunity_view where account_id = :account order by id",
                new MapSqlParameterSource("account", query.accountId()), String.class);
    }

    private OpportunityView mapView(ResultSet rs, int rowNum) throws SQLException {
        return mapRow(rs, rowNum).toView();
    }

    private OpportunityRow mapRow(ResultSet rs, int rowNum) throws SQLException {
        OpportunityRow row = new OpportunityRow(rs.getString("id"), rs.getLong("version"),
                rs.getTimestamp("updated_at").toInstant());
        String reason = rs.getString("loss_reason");
        row.accountId = rs.getString("account_id");
        row.ownerId = rs.getString("owner_id");
        row.name = rs.getString("name");
        row.primaryContactId = rs.getString("primary_contact_id");
        row.leadId = rs.getString("lead_id");
        row.currency = rs.getString("currency");
        row.amount = rs.getBigDecimal("amount");
        row.margin = rs.getBigDecimal("margin");
        row.expectedCloseDate = rs.getObject("expected_close_date", LocalDate.class);
        row.priceList = rs.getString("price_list");
        row.stage = new SalesStage(rs.getString("stage"), rs.getInt("probability"),
                ForecastCategory.valueOf(rs.getString("forecast_category")));
        row.status = OpportunityStatus.valueOf(rs.getString("status"));
        row.lossReason = reason == null ? null : LossReason.valueOf(reason);
        row.lossNote = rs.getString("loss_note");
        row.closedOn = rs.getObject("closed_on", LocalDate.class);
        row.lineItems = read(rs.getString("line_items"));
        row.createdAt = rs.getTimestamp("created_at").toInstant();
        row.createdBy = rs.getString("created_by");
        row.stagesVisited = List.of((String[]) rs.getArray("stages_visited").getArray());
        return row;
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private String write(List<LineItem> lines) {
        try {
            return json.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write line items", e);
        }
    }

    private List<LineItem> read(String lines) {
        try {
            return json.readValue(lines, LINES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable line items in the opportunity read model", e);
        }
    }
}
