package io.relais.readmodel;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Statements over a whole team's records (forecasts, funnels, dashboards), planned for their parameters at every
 * call. A team is bound as one parameter per member ({@code owner_id in (:owners)}); once PostgreSQL's plan cache
 * settles on a generic plan for such a statement, it compares each row with every member in turn instead of
 * looking the owner up in a hash of them, and misjudges how many rows the period's bounds keep: the funnel's open
 * deals of a 200-member team took 240 ms that way against 30 ms planned for the call (docs/benchmarks.md). Never
 * server-prepared, each statement is planned with its values, as {@link io.relais.projection.RecordRows} does.
 */
public final class TeamFigures {

    private TeamFigures() {
    }

    /** A template on {@code shared}'s data source whose statements are never server-prepared. */
    public static NamedParameterJdbcTemplate jdbc(NamedParameterJdbcTemplate shared) {
        return new NamedParameterJdbcTemplate(new JdbcTemplate(shared.getJdbcTemplate().getDataSource()) {
            @Override
            protected void applyStatementSettings(Statement statement) throws SQLException {
                super.applyStatementSettings(statement);
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
        });
    }
}
