package io.relais.dashboard;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The weekly usage counters. */
@Repository
class UsageRepository {

    /** A user's counters of one week. */
    record Row(String userId, UsageWeek week) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    UsageRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the batch's counts to the stored ones. */
    void write(UsageBatch batch) {
        if (batch.counts.isEmpty()) {
            return;
        }
        List<MapSqlParameterSource> rows = new ArrayList<>();
        batch.counts.forEach((key, week) -> rows.add(new MapSqlParameterSource("user", key.userId())
                .addValue("week", Date.valueOf(key.week())).addValue("created", week.recordsCreated())
                .addValue("updated", week.recordsUpdated()).addValue("activities", week.activitiesLogged())));
        jdbc.batchUpdate("insert into usage_week (user_id, week_start, records_created, records_updated, "
                + "activities_logged) values (:user, :week, :created, :updated, :activities) on conflict (user_id, "
                + "week_start) do update set records_created = usage_week.records_created + excluded.records_created, "
                + "records_updated = usage_week.records_updated + excluded.records_updated, activities_logged = "
                + "usage_week.activities_logged + excluded.activities_logged", rows.toArray(MapSqlParameterSource[]::new));
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
