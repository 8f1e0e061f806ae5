package io.relais.webhook;

import io.relais.common.SearchText;
import io.relais.projection.RecordRows;
import io.relais.readmodel.Listing;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The webhook subscriptions' table, and the queries it answers. */
@Repository
class WebhookRepository {

    private static final String COLUMNS = "id, version, url, event_types, record_types, description, status, "
            + "suspended_reason, suspended_at, secret_id, secret_set_at, created_at, updated_at";

    private static final String UPSERT = RecordRows.upsert("webhook_view", COLUMNS + ", search_text");

    private final NamedParameterJdbcTemplate jdbc;

    WebhookRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<WebhookRow> findAll(Collection<String> ids) {
        return RecordRows.select(jdbc.getJdbcTemplate(), "select " + COLUMNS + " from webhook_view where id = any(?)",
                ids, WebhookRepository::mapRow);
    }

    void write(WebhookBatch batch) {
        List<WebhookRow> webhooks = batch.webhooks.changed();
        jdbc.getJdbcTemplate().batchUpdate(UPSERT, webhooks, webhooks.size(), (ps, row) -> {
            WebhookSettings settings = row.settings;
            ps.setString(1, row.id());
            ps.setLong(2, row.version());
            ps.setString(3, settings.url());
            ps.setArray(4, ps.getConnection().createArrayOf("text", settings.eventTypes().toArray()));
            ps.setArray(5, ps.getConnection().createArrayOf("text", settings.recordTypes().toArray()));
            ps.setString(6, settings.description());
            ps.setString(7, row.status.name());
            ps.setString(8, row.suspendedReason);
            ps.setTimestamp(9, row.suspendedAt == null ? null : Timestamp.from(row.suspendedAt));
            ps.setString(10, row.secretId);
            ps.setTimestamp(11, Timestamp.from(row.secretSetAt));
            ps.setTimestamp(12, Timestamp.from(row.createdAt));
            ps.setTimestamp(13, Timestamp.from(row.updatedAt()));
            ps.setString(14, SearchText.of(settings.url(), settings.description()));
        });
    }

    void deleteAll() {
        jdbc.getJdbcTemplate().execute("truncate webhook_view");
    }

    @QueryHandler
    Optional<WebhookView> find(FindWebhook query) {
        return Listing.select(jdbc, COLUMNS, "webhook_view").byId(query.webhookId(), WebhookRepository::mapRow)
                .map(WebhookRow::toView);
    }

    @QueryHandler
    WebhookPage findPage(FindWebhooks query) {
        Listing webhooks = Listing.select(jdbc, COLUMNS, "webhook_view");
        if (!query.includeRetired()) {
            webhooks.where("status <> 'RETIRED'");
        }
        return webhooks.searching(query.text())
                .page("url, id", query.page(), WebhookRepository::mapRow, (items, page, size, total) ->
                        new WebhookPage(items.stream().map(WebhookRow::toView).toList(), page, size, total));
    }

    private static WebhookRow mapRow(ResultSet rs, int rowNum) throws SQLException {
        WebhookRow row = new WebhookRow(rs.getString("id"), rs.getLong("version"),
                rs.getTimestamp("updated_at").toInstant());
        row.settings = new WebhookSettings(rs.getString("url"), names(rs.getArray("event_types")),
                names(rs.getArray("record_types")), rs.getString("description"));
        row.status = WebhookStatus.valueOf(rs.getString("status"));
        row.suspendedReason = rs.getString("suspended_reason");
        Timestamp suspendedAt = rs.getTimestamp("suspended_at");
        row.suspendedAt = suspendedAt == null ? null : suspendedAt.toInstant();
        row.secretId = rs.getString("secret_id");
        row.secretSetAt = rs.getTimestamp("secret_set_at").toInstant();
        row.createdAt = rs.getTimestamp("created_at").toInstant();
        return row;
    }

    private static List<String> names(Array names) throws SQLException {
        return Arrays.asList((String[]) names.getArray());
    }
}
