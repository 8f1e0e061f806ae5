package io.relais.webform;

import io.relais.common.SearchText;
import io.relais.projection.RecordRows;
import io.relais.readmodel.Listing;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
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

/** The web forms' table, and the queries it answers. */
@Repository
class WebFormRepository {

    private static final String COLUMNS = "id, version, key, name, allowed_origins, source_detail, owner_id, "
            + "consent_text, consent_text_version, redirect_url, retired, created_at, updated_at";

    private static final String UPSERT = RecordRows.upsert("web_form_view", COLUMNS + ", search_text");

    private final NamedParameterJdbcTemplate jdbc;

    WebFormRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<WebFormRow> findAll(Collection<String> ids) {
        return RecordRows.select(jdbc.getJdbcTemplate(), "select " + COLUMNS + " from web_form_view where id = any(?)",
                ids, WebFormRepository::mapRow);
    }

    void write(WebFormBatch batch) {
        List<WebFormRow> forms = batch.forms.changed();
        jdbc.getJdbcTemplate().batchUpdate(UPSERT, forms, forms.size(), (ps, row) -> {
            WebFormSettings settings = row.settings;
            ps.setString(1, row.id());
            ps.setLong(2, row.version());
            ps.setString(3, row.key);
            ps.setString(4, settings.name());
            ps.setArray(5, ps.getConnection().createArrayOf("text", settings.allowedOrigins().toArray()));
            ps.setString(6, settings.sourceDetail());
            ps.setString(7, settings.ownerId());
            ps.setString(8, settings.consentText());
            ps.setString(9, settings.consentTextVersion());
            ps.setString(10, settings.redirectUrl());
            ps.setBoolean(11, row.retired);
            ps.setTimestamp(12, Timestamp.from(row.createdAt));
            ps.setTimestamp(13, Timestamp.from(row.updatedAt()));
            ps.setString(14, SearchText.of(settings.name(), settings.sourceDetail()));
        });
    }

    void deleteAll() {
        jdbc.getJdbcTemplate().execute("truncate web_form_view");
    }

    @QueryHandler
    Optional<WebFormView> find(FindWebForm query) {
        return Listing.select(jdbc, COLUMNS, "web_form_view").byId(query.formId(), WebFormRepository::mapRow)
                .map(WebFormRow::toView);
    }

    @QueryHandler
    Optional<WebFormView> findByKey(FindWebFormByKey query) {
        return jdbc.query("select " + COLUMNS + " from web_form_view where key = :key and not retired",
                        new MapSqlParameterSource("key", query.key()), WebFormRepository::mapRow)
                .stream().findFirst().map(WebFormRow::toView);
    }

    @QueryHandler
    WebFormPage findPage(FindWebForms query) {
        Listing forms = Listing.select(jdbc, COLUMNS, "web_form_view");
        if (!query.includeRetired()) {
            forms.where("not retired");
        }
        return forms.searching(query.text())
                .page("name, id", query.page(), WebFormRepository::mapRow, (items, page, size, total) ->
                        new WebFormPage(items.stream().map(WebFormRow::toView).toList(), page, size, total));
    }

    private static WebFormRow mapRow(ResultSet rs, int rowNum) throws SQLException {
        WebFormRow row = new WebFormRow(rs.getString("id"), rs.getLong("version"),
                rs.getTimestamp("updated_at").toInstant());
        row.key = rs.getString("key");
        Array origins = rs.getArray("allowed_origins");
        row.settings = new WebFormSettings(rs.getString("name"), Arrays.asList((String[]) origins.getArray()),
                rs.getString("source_detail"), rs.getString("owner_id"), rs.getString("consent_text"),
                rs.getString("consent_text_version"), rs.getString("redirect_url"));
        row.retired = rs.getBoolean("retired");
        row.createdAt = rs.getTimestamp("created_at").toInstant();
        return row;
    }
}
