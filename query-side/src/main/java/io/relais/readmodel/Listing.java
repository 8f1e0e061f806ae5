package io.relais.readmodel;

import io.relais.common.PageRequest;
import io.relais.common.SearchText;
import io.relais.organisation.Viewer;
import io.relais.organisation.Visibility;
import org.springframework.jdbc.core.PreparedStatementCreatorFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import reactor.core.publisher.Flux;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A read-model query: the columns it selects from a table (or tables joined), and the conditions that the
 * caller's visibility and filters add, with their parameters; answered as one row or as a page with the count
 * of all the rows it selects.
 */
public final class Listing {

    /** Makes a page of the rows found: the read model's page of that kind. */
    @FunctionalInterface
    public interface PageOf<T, P> {
        P of(List<T> content, int page, int size, long totalElements);
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final String columns;
    private final String from;
    private final StringBuilder where = new StringBuilder(" where true");
    private final MapSqlParameterSource params = new MapSqlParameterSource();

    private Listing(NamedParameterJdbcTemplate jdbc, String columns, String from) {
        this.jdbc = jdbc;
        this.columns = columns;
        this.from = from;
    }

    public static Listing select(NamedParameterJdbcTemplate jdbc, String columns, String from) {
        return new Listing(jdbc, columns, from);
    }

    /** Only the rows whose owner, in {@code ownerColumn}, the viewer may see. */
    public Listing visibleTo(Viewer viewer, String ownerColumn) {
        where.append(Visibility.ownedBy(ownerColumn, viewer, params));
        return this;
    }

    public Listing where(String condition) {
        where.append(" and ").append(condition);
        return this;
    }

    /**
     * Only the rows meeting {@code condition}, with {@code value} bound to {@code :name} as the tables hold it (an
     * enum by its name, a day as a date, an instant as a timestamp); unless it is null.
     */
    public Listing where(String condition, String name, Object value) {
        if (value != null) {
            where(condition);
            params.addValue(name, stored(value));
        }
        return this;
    }

    /** Only the rows whose {@code column} holds {@code value}, unless it is null. */
    public Listing equal(String column, Object value) {
        return where(column + " = :" + column, column, value);
    }

    /** Only the rows in {@code status}; without one, all but those in {@code unlessAsked}. */
    public Listing inStatus(Enum<?> status, Enum<?> unlessAsked) {
        return status == null ? where("status <> '" + unlessAsked.name() + "'") : equal("status", status);
    }

    /** Only the rows whose search text holds {@code text}, folded, unless it is blank. */
    public Listing searching(String text) {
        String folded = SearchText.fold(text);
        return folded.isEmpty() ? this
                : where("search_text like :text escape '\\'", "text", SearchText.containing(folded));
    }

    /** The row whose {@code id} is {@code id}, if it meets the conditions. */
    public <T> Optional<T> byId(String id, RowMapper<T> mapper) {
        where("id = :id");
        params.addValue("id", id);
        return jdbc.query(sql(), params, mapper).stream().findFirst();
    }

    /** The page of the rows in {@code order} (a unique one, or pages overlap), with how many rows there are. */
    public <T, P> P page(String order, PageRequest page, RowMapper<T> mapper, PageOf<T, P> pageOf) {
        long total = jdbc.queryForObject("select count(*) from " + from + where, params, Long.class);
        params.addValue("limit", page.size()).addValue("offset", page.offset());
        List<T> items = jdbc.query(sql() + " order by " + order + " limit :limit offset :offset", params, mapper);
        return pageOf.of(items, page.page(), page.size(), total);
    }

    /**
     * Every row in {@code order} (a unique one), read as the subscriber asks for them, from one snapshot
     * ({@link RowCursor}): an export of the whole list.
     */
    public <T> Flux<T> rows(String order, RowMapper<T> mapper) {
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql() + " order by " + order);
        PreparedStatementCreatorFactory statement = new PreparedStatementCreatorFactory(
                NamedParameterUtils.substituteNamedParameters(parsed, params),
                NamedParameterUtils.buildSqlParameterList(parsed, params));
        return RowCursor.rows(jdbc.getJdbcTemplate().getDataSource(),
                statement.newPreparedStatementCreator(NamedParameterUtils.buildValueArray(parsed, params, null)), mapper);
    }

    private static Object stored(Object value) {
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof LocalDate day) {
            return Date.valueOf(day);
        }
        return value instanceof Instant instant ? Timestamp.from(instant) : value;
    }

    private String sql() {
        return "select " + columns + " from " + from + where;
    }
}
