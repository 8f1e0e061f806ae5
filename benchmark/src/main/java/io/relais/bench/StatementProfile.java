package io.relais.bench;

import org.springframework.jdbc.core.JdbcTemplate;

import java.io.PrintStream;

/**
 * What PostgreSQL spent its time on during one phase, from pg_stat_statements (loaded for the run by
 * {@code --statements}): the statements by total execution time, with their calls and rows.
 */
final class StatementProfile {

    private final JdbcTemplate jdbc;
    private final int shown;

    private StatementProfile(JdbcTemplate jdbc, int shown) {
        this.jdbc = jdbc;
        this.shown = shown;
    }

    /** Starts counting from now. */
    static StatementProfile start(JdbcTemplate jdbc, int shown) {
        jdbc.execute("create extension if not exists pg_stat_statements");
        jdbc.execute("select pg_stat_statements_reset()");
        return new StatementProfile(jdbc, shown);
    }

    void print(PrintStream out, String phase) {
        out.printf("PostgreSQL's time during %s, by statement (pg_stat_statements):%n", phase);
        out.printf("%10s %10s %10s %9s  %s%n", "total ms", "calls", "rows", "mean ms", "statement");
        jdbc.query("select total_exec_time, calls, rows, mean_exec_time, regexp_replace(query, '\\s+', ' ', 'g') "
                + "from pg_stat_statements order by total_exec_time desc limit ?", rs -> {
            String query = rs.getString(5);
            out.printf("%10.0f %10d %10d %9.3f  %s%n", rs.getDouble(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4),
                    query.length() > 160 ? query.substring(0, 160) + "…" : query);
        }, shown);
    }
}
