package io.relais.catalogue;

import io.relais.common.SearchText;
import io.relais.projection.RecordRows;
import io.relais.readmodel.Listing;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalogue's tables (products, and every price they ever had), and the queries they answer. */
@Repository
class CatalogueRepository {

    private static final String COLUMNS = "id, version, code, name, description, kind, unit, lead_time_days, "
            + "discontinued, created_at, updated_at";

    private static final String UPSERT = RecordRows.upsert("product_view", "id, version, code, name, description, "
            + "kind, unit, lead_time_days, discontinued, created_at, updated_at, search_text");

    private final NamedParameterJdbcTemplate jdbc;

    CatalogueRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<ProductRow> findAll(Collection<String> ids) {
        return withPrices(RecordRows.select(jdbc.getJdbcTemplate(),
                "select " + COLUMNS + " from product_view where id = any(?)", ids, this::mapRow));
    }

    /** Writes a batch of the projection: the changed products, and their prices (a price is never removed). */
    void write(CatalogueBatch batch) {
        List<ProductRow> products = batch.products.changed();
        if (products.isEmpty()) {
            return;
        }
        jdbc.getJdbcTemplate().batchUpdate(UPSERT, products, products.size(), (ps, row) -> {
            ProductDetails details = row.details;
            ps.setString(1, row.id());
            ps.setLong(2, row.version());
            ps.setString(3, details.code());
            ps.setString(4, details.name());
            ps.setString(5, details.description());
            ps.setString(6, details.kind().name());
            ps.setString(7, details.unit());
            ps.setObject(8, details.leadTimeDays(), Types.INTEGER);
            ps.setBoolean(9, row.discontinued);
            ps.setTimestamp(10, Timestamp.from(row.createdAt));
            ps.setTimestamp(11, Timestamp.from(row.updatedAt()));
            ps.setString(12, SearchText.of(details.code(), details.name(), details.description()));
        });
        jdbc.batchUpdate("insert into product_price (product_id, price_id, price_list, currency, unit_price, "
                + "valid_from, valid_until, retired_on) values (:product, :price, :list, :currency, :unitPrice, :from, "
                + ":until, :retiredOn) on conflict (product_id, price_id) do update set retired_on = excluded.retired_on",
                products.stream().flatMap(row -> row.prices.stream().map(price -> new MapSqlParameterSource(
                        "product", row.id()).addValue("price", price.priceId()).addValue("list", price.priceList())
                        .addValue("currency", price.currency()).addValue("unitPrice", price.unitPrice())
                        .addValue("from", Date.valueOf(price.validFrom()))
                        .addValue("until", date(price.validUntil()), Types.DATE)
                        .addValue("retiredOn", date(price.retiredOn()), Types.DATE)))
                        .toArray(SqlParameterSource[]::new));
    }

    void deleteAll() {
        jdbc.getJdbcTemplate().execute("truncate product_view, product_price");
    }

    @QueryHandler
    Optional<ProductView> find(FindProduct query) {
        return Listing.select(jdbc, COLUMNS, "product_view").byId(query.productId(), this::mapRow)
                .flatMap(product -> withPrices(List.of(product)).stream().findFirst()).map(ProductRow::toView);
    }

    @QueryHandler
    ProductPage findPage(FindProducts query) {
        Listing products = Listing.select(jdbc, COLUMNS, "product_view");
        if (!query.includeDiscontinued()) {
            products.where("not discontinued");
        }
        return products.equal("kind", query.kind())
                .searching(query.text())
                .page("name, id", query.page(), this::mapRow, (items, page, size, total) -> new ProductPage(
                        withPrices(items).stream().map(ProductRow::toView).toList(), page, size, total));
    }

    @QueryHandler
    Optional<ProductPrice> findPrice(FindProductPrice query) {
        return jdbc.query("select * from product_price where product_id = :product and price_list = :list "
                        + "and currency = :currency and valid_from <= :on and (valid_until is null or :on < valid_until) "
                        + "and (retired_on is null or :on < retired_on) order by valid_from desc limit 1",
                new MapSqlParameterSource("product", query.productId()).addValue("list", query.priceList())
                        .addValue("currency", query.currency()).addValue("on", Date.valueOf(query.date())),
                (rs, n) -> mapPrice(rs)).stream().findFirst();
    }

    /** The rows with their prices (which {@link ProductRow#toView} orders). */
    private List<ProductRow> withPrices(List<ProductRow> products) {
        if (products.isEmpty()) {
            return products;
        }
        Map<String, List<ProductPrice>> prices = new HashMap<>();
        jdbc.query("select * from product_price where product_id in (:ids)",
                new MapSqlParameterSource("ids", products.stream().map(ProductRow::id).toList()), rs -> {
                    prices.computeIfAbsent(rs.getString("product_id"), id -> new ArrayList<>()).add(mapPrice(rs));
                });
        products.forEach(row -> row.prices = prices.getOrDefault(row.id(), List.of()));
        return products;
    }

    private ProductRow mapRow(ResultSet rs, int rowNum) throws SQLException {
        ProductRow row = new ProductRow(rs.getString("id"), rs.getLong("version"),
                rs.getTimestamp("updated_at").toInstant());
        row.details = new ProductDetails(rs.getString("code"), rs.getString("name"), rs.getString("description"),
                ProductKind.valueOf(rs.getString("kind")), rs.getString("unit"),
                rs.getObject("lead_time_days", Integer.class));
        row.discontinued = rs.getBoolean("discontinued");
        row.createdAt = rs.getTimestamp("created_at").toInstant();
        return row;
    }

    private static ProductPrice mapPrice(ResultSet rs) throws SQLException {
        return ProductRow.shown(new ProductPrice(rs.getString("price_id"), rs.getString("price_list"),
                rs.getString("currency"), rs.getBigDecimal("unit_price"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class), rs.getObject("retired_on", LocalDate.class)));
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
