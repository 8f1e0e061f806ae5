package io.relais.catalogue;

import io.relais.common.SearchText;
import io.relais.readmodel.Listing;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalogue's tables (products, and every price they ever had), and the queries they answer. */
@Repository
class CatalogueRepository {

    private static final String COLUMNS = "id, version, code, name, description, kind, unit, lead_time_days, "
            + "discontinued, created_at, updated_at";

    private final NamedParameterJdbcTemplate jdbc;

    CatalogueRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insertProduct(String productId, ProductDetails details, long version, Instant at) {
        jdbc.update("insert into product_view (id, version, code, name, description, kind, unit, lead_time_days, "
                + "discontinued, created_at, updated_at, search_text) values (:id, :version, :code, :name, "
                + ":description, :kind, :unit, :leadTime, false, :at, :at, :search) on conflict (id) do nothing",
                detailColumns(details).addValue("id", productId).addValue("version", version)
                        .addValue("at", Timestamp.from(at)));
    }

    /** Moves the product to {@code version}; false when it is there already (a replayed event). */
    boolean advance(String productId, long version, Instant at) {
        return jdbc.update("update product_view set version = :version, updated_at = :at where id = :id "
                + "and version < :version", new MapSqlParameterSource("id", productId).addValue("version", version)
                .addValue("at", Timestamp.from(at))) > 0;
    }

    void updateDetails(String productId, ProductDetails details) {
        jdbc.update("update product_view set code = :code, name = :name, description = :description, kind = :kind, "
                + "unit = :unit, lead_time_days = :leadTime, search_text = :search where id = :id",
                detailColumns(details).addValue("id", productId));
    }

    void insertPrice(String productId, ProductPrice price) {
        jdbc.update("insert into product_price (product_id, price_id, price_list, currency, unit_price, valid_from, "
                + "valid_until, retired_on) values (:product, :price, :list, :currency, :unitPrice, :from, :until, "
                + "null) on conflict do nothing", new MapSqlParameterSource("product", productId)
                .addValue("price", price.priceId()).addValue("list", price.priceList())
                .addValue("currency", price.currency()).addValue("unitPrice", price.unitPrice())
                .addValue("from", Date.valueOf(price.validFrom()))
                .addValue("until", price.validUntil() == null ? null : Date.valueOf(price.validUntil())));
    }

    void retirePrice(String productId, String priceId, LocalDate retiredOn) {
        jdbc.update("update product_price set retired_on = :on where product_id = :product and price_id = :price",
                new MapSqlParameterSource("product", productId).addValue("price", priceId)
                        .addValue("on", Date.valueOf(retiredOn)));
    }

    void discontinue(String productId) {
        jdbc.update("update product_view set discontinued = true where id = :id",
                new MapSqlParameterSource("id", productId));
    }

    void deleteAll() {
        jdbc.getJdbcTemplate().execute("truncate product_view, product_price");
    }

    @QueryHandler
    Optional<ProductView> find(FindProduct query) {
        return Listing.select(jdbc, COLUMNS, "product_view").byId(query.productId(), this::mapProduct)
                .flatMap(product -> withPrices(List.of(product)).stream().findFirst());
    }

    @QueryHandler
    ProductPage findPage(FindProducts query) {
        Listing products = Listing.select(jdbc, COLUMNS, "product_view");
        if (!query.includeDiscontinued()) {
            products.where("not discontinued");
        }
        return products.equal("kind", query.kind())
                .searching(query.text())
                .page("name, id", query.page(), this::mapProduct,
                        (items, page, size, total) -> new ProductPage(withPrices(items), page, size, total));
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

    private List<ProductView> withPrices(List<ProductView> products) {
        if (products.isEmpty()) {
            return products;
        }
        Map<String, List<ProductPrice>> prices = new HashMap<>();
        jdbc.query("select * from product_price where product_id in (:ids) order by price_list, currency, valid_from, "
                        + "price_id", new MapSqlParameterSource("ids", products.stream().map(ProductView::id).toList()),
                rs -> {
                    prices.computeIfAbsent(rs.getString("product_id"), id -> new ArrayList<>()).add(mapPrice(rs));
                });
        return products.stream().map(p -> new ProductView(p.id(), p.version(), p.details(), p.discontinued(),
                prices.getOrDefault(p.id(), List.of()), p.createdAt(), p.updatedAt())).toList();
    }

    private static MapSqlParameterSource detailColumns(ProductDetails details) {
        return new MapSqlParameterSource("code", details.code()).addValue("name", details.name())
                .addValue("description", details.description()).addValue("kind", details.kind().name())
                .addValue("unit", details.unit()).addValue("leadTime", details.leadTimeDays())
                .addValue("search", SearchText.of(details.code(), details.name(), details.description()));
    }

    private ProductView mapProduct(ResultSet rs, int rowNum) throws SQLException {
        Integer leadTime = rs.getObject("lead_time_days", Integer.class);
        return new ProductView(rs.getString("id"), rs.getLong("version"), new ProductDetails(rs.getString("code"),
                rs.getString("name"), rs.getString("description"), ProductKind.valueOf(rs.getString("kind")),
                rs.getString("unit"), leadTime), rs.getBoolean("discontinued"), List.of(),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static ProductPrice mapPrice(ResultSet rs) throws SQLException {
        return new ProductPrice(rs.getString("price_id"), rs.getString("price_list"), rs.getString("currency"),
                rs.getBigDecimal("unit_price").stripTrailingZeros(), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class), rs.getObject("retired_on", LocalDate.class));
    }
}
