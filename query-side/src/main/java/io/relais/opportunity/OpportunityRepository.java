package io.relais.opportunity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.common.PageRequest;
import io.relais.common.SearchText;
import io.relais.organisation.Viewer;
import io.relais.organisation.Visibility;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The opportunity table: one row per deal, with its line items as JSON. */
@Repository
class OpportunityRepository {

    /** The assignments of a change of stage or status, with the parameters {@link #stage} makes. */
    static final String STAGE = "stage = :stage, probability = :probability, forecast_category = :category, "
            + "status = :status, loss_reason = :reason, loss_note = :note, closed_on = :closedOn, stages_visited = "
            + "case when cast(:stage as varchar) = any(stages_visited) then stages_visited "
            + "else array_append(stages_visited, cast(:stage as varchar)) end";

    private static final String COLUMNS = "id, version, account_id, owner_id, name, primary_contact_id, lead_id, "
            + "currency, amount, margin, expected_close_date, price_list, stage, probability, forecast_category, "
            + "status, loss_reason, loss_note, closed_on, line_items, created_at, created_by, updated_at";
    private static final TypeReference<List<LineItem>> LINES = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    OpportunityRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static MapSqlParameterSource stage(SalesStage stage, OpportunityStatus status, LossReason reason, String note,
                                       LocalDate closedOn) {
        return new MapSqlParameterSource("stage", stage.name()).addValue("probability", stage.probability())
                .addValue("category", stage.category().name()).addValue("status", status.name())
                .addValue("reason", reason == null ? null : reason.name()).addValue("note", note)
                .addValue("closedOn", closedOn == null ? null : Date.valueOf(closedOn));
    }

    void insert(OpportunityOpened event, long version, Instant at, String createdBy) {
        int inserted = jdbc.update("insert into opportunity_view (id, version, account_id, owner_id, name, primary_contact_id, "
                        + "lead_id, currency, amount, margin, expected_close_date, price_list, stage, probability, "
                        + "forecast_category, status, line_items, created_at, created_by, updated_at, search_text, "
                        + "stages_visited) values (:id, :version, :account, :owner, :name, :contact, :lead, :currency, "
                        + ":amount, null, :closeDate, :priceList, :stage, :probability, :category, :status, '[]', :at, "
                        + ":by, :at, :search, array[cast(:stage as varchar)]) on conflict (id) do nothing",
                stage(event.stage(), OpportunityStatus.OPEN, null, null, null).addValue("id", event.opportunityId())
                        .addValue("version", version).addValue("account", event.accountId())
                        .addValue("owner", event.ownerId()).addValue("name", event.name())
                        .addValue("contact", event.primaryContactId()).addValue("lead", event.leadId())
                        .addValue("currency", event.currency()).addValue("amount", event.amount())
                        .addValue("closeDate", Date.valueOf(event.expectedCloseDate()))
                        .addValue("priceList", event.priceList()).addValue("at", Timestamp.from(at))
                        .addValue("by", createdBy).addValue("search", SearchText.of(event.name())));
        if (inserted > 0) {
            recordHistory(event.opportunityId(), at);
        }
    }

    /** Sets {@code assignments} and moves the deal to the event's version, unless it is there already. */
    void update(DomainEventMessage<?> message, String assignments, MapSqlParameterSource params) {
        int updated = jdbc.update("update opportunity_view set " + assignments + ", version = :version, "
                        + "updated_at = :at where id = :id and version < :version",
                params.addValue("id", message.getAggregateIdentifier())
                        .addValue("version", message.getSequenceNumber())
                        .addValue("at", Timestamp.from(message.getTimestamp())));
        if (updated > 0) {
            recordHistory(message.getAggregateIdentifier(), message.getTimestamp());
        }
    }

    /** Closes the deal's version in force and copies its new one into the history, valid from {@code at}. */
    private void recordHistory(String opportunityId, Instant at) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", opportunityId).addValue("at", Timestamp.from(at));
        jdbc.update("update opportunity_history set valid_to = :at where opportunity_id = :id and valid_to is null",
                params);
        jdbc.update("insert into opportunity_history (opportunity_id, version, valid_from, owner_id, account_id, "
                + "currency, amount, margin, expected_close_date, stage, probability, forecast_category, status, "
                + "closed_on, stages_visited, opened_at) select id, version, :at, owner_id, account_id, currency, amount, "
                + "margin, expected_close_date, stage, probability, forecast_category, status, closed_on, "
                + "stages_visited, created_at "
                + "from opportunity_view where id = :id", params);
    }

    /** Changes the deal's lines, its amount (their total) and its margin (when every line's cost is known). */
    void changeLines(DomainEventMessage<?> message, BigDecimal amount, Consumer<List<LineItem>> change) {
        Optional<OpportunityView> current = find(message.getAggregateIdentifier(), Viewer.system());
        if (current.isEmpty() || current.get().version() >= message.getSequenceNumber()) {
            return;
        }
        List<LineItem> lines = new ArrayList<>(current.get().lineItems());
        change.accept(lines);
        update(message, "line_items = cast(:lines as jsonb), amount = :amount, margin = :margin",
                new MapSqlParameterSource("lines", write(lines)).addValue("amount", amount)
                        .addValue("margin", margin(lines)));
    }

    void deleteAll() {
        jdbc.getJdbcTemplate().execute("truncate opportunity_view, opportunity_history");
    }

    Optional<OpportunityView> find(String opportunityId, Viewer viewer) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", opportunityId);
        return jdbc.query("select " + COLUMNS + " from opportunity_view where id = :id"
                + Visibility.ownedBy("owner_id", viewer, params), params, this::map).stream().findFirst();
    }

    OpportunityPage findPage(FindOpportunities query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder(" where true" + Visibility.ownedBy("owner_id", query.viewer(), params));
        if (query.accountId() != null) {
            where.append(" and account_id = :account");
            params.addValue("account", query.accountId());
        }
        if (query.ownerId() != null) {
            where.append(" and owner_id = :owner");
            params.addValue("owner", query.ownerId());
        }
        if (query.status() != null) {
            where.append(" and status = :status");
            params.addValue("status", query.status().name());
        }
        if (query.stage() != null) {
            where.append(" and stage = :stage");
            params.addValue("stage", query.stage());
        }
        if (query.closingFrom() != null) {
            where.append(" and expected_close_date >= :from");
            params.addValue("from", Date.valueOf(query.closingFrom()));
        }
        if (query.closingBefore() != null) {
            where.append(" and expected_close_date < :before");
            params.addValue("before", Date.valueOf(query.closingBefore()));
        }
        String text = SearchText.fold(query.text());
        if (!text.isEmpty()) {
            where.append(" and search_text like :text escape '\\'");
            params.addValue("text", SearchText.containing(text));
        }
        PageRequest page = query.page();
        long total = jdbc.queryForObject("select count(*) from opportunity_view" + where, params, Long.class);
        params.addValue("limit", page.size()).addValue("offset", page.offset());
        List<OpportunityView> items = jdbc.query("select " + COLUMNS + " from opportunity_view" + where
                + " order by expected_close_date, name, id limit :limit offset :offset", params, this::map);
        return new OpportunityPage(items, page.page(), page.size(), total);
    }

    List<String> findIdsOfAccount(String accountId) {
        return jdbc.queryForList("select id from opportunity_view where account_id = :account order by id",
                new MapSqlParameterSource("account", accountId), String.class);
    }

    /** The lines' total less their cost; null unless every line's cost is known. */
    private static BigDecimal margin(List<LineItem> lines) {
        if (lines.isEmpty() || lines.stream().anyMatch(line -> line.cost() == null)) {
            return null;
        }
        return lines.stream().map(line -> line.total().subtract(line.cost())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private OpportunityView map(ResultSet rs, int rowNum) throws SQLException {
        String reason = rs.getString("loss_reason");
        return new OpportunityView(rs.getString("id"), rs.getLong("version"), rs.getString("account_id"),
                rs.getString("owner_id"), rs.getString("name"), rs.getString("primary_contact_id"),
                rs.getString("lead_id"), rs.getString("currency"), rs.getBigDecimal("amount"),
                rs.getBigDecimal("margin"), rs.getObject("expected_close_date", LocalDate.class),
                rs.getString("price_list"), new SalesStage(rs.getString("stage"), rs.getInt("probability"),
                ForecastCategory.valueOf(rs.getString("forecast_category"))),
                OpportunityStatus.valueOf(rs.getString("status")), reason == null ? null : LossReason.valueOf(reason),
                rs.getString("loss_note"), rs.getObject("closed_on", LocalDate.class), read(rs.getString("line_items")),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant());
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
