package io.relais.dashboard;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The weekly usage counters. */
@Repository
class UsageRepository {

    static final String RECORDS_CREATED = "records_created";
    static final String RECORDS_UPDATED = "records_updated";
    static final String ACTIVITIES_LOGGED = "activities_logged";

    /** A user's counters of one week. */
    record Row(String userId, UsageWeek week) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    UsageRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds one to a counter; {@code counter} is one of the constants above, never input. */
    void count(String userId, LocalDate week, String counter) {
        jdbc.update("insert into usage_week (user_id, week_start, " + counter + ") values (:user, :week, 1) "
                        + "on conflict (user_id, week_start) do update set " + counter + " = usage_week." + counter
                        + " + 1",
                new MapSqlParameterSource("user", userId).addValue("week", Date.valueOf(week)));
    }

    void deleteAll() {
        jdbc.getJdbcTemplate().execute("truncate usage_week");
    }

    List<Row> weeks(Collection<String> users, LocalDate since) {
        if (users.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select user_id, week_start, records_created, records_updated, activities_logged from "
                        + "usage_week where user_id in (:users) and week_start >= :since order by week_start",
                Map.of("users", users, "since", Date.valueOf(since)), (rs, row) -> new Row(rs.getString("user_id"),
                        new UsageWeek(rs.getDate("week_start").toLocalDate(), rs.getInt("records_created"),
                                rs.getInt("records_updated"), rs.getInt("activities_logged"))));
    }
}
