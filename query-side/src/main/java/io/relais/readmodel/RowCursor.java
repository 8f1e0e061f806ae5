package io.relais.readmodel;

import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.RowMapper;
import reactor.core.publisher.Flux;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The rows of one statement, read through a server-side cursor as the subscriber asks for them: a list exported
 * whole never holds more than a fetch of rows in memory, and reads one snapshot of the read model (a read-only,
 * repeatable-read transaction) however long the export takes. The connection goes back to the pool when the rows
 * end, fail or the subscriber cancels (a client that went away).
 */
final class RowCursor<T> {

    /** Rows fetched from PostgreSQL at a time. */
    static final int FETCH_SIZE = 500;

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final RowMapper<T> mapper;
    private int row;

    private RowCursor(DataSource dataSource, PreparedStatementCreator creator, RowMapper<T> mapper)
            throws SQLException {
        this.mapper = mapper;
        connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            statement = creator.createPreparedStatement(connection);
            statement.setFetchSize(FETCH_SIZE);
            rows = statement.executeQuery();
        } catch (SQLException | RuntimeException e) {
            release(connection);
            throw e;
        }
    }

    static <T> Flux<T> rows(DataSource dataSource, PreparedStatementCreator creator, RowMapper<T> mapper) {
        return Flux.using(() -> new RowCursor<>(dataSource, creator, mapper),
                cursor -> Flux.<T>generate(sink -> {
                    try {
                        T next = cursor.next();
                        if (next == null) {
                            sink.complete();
                        } else {
                            sink.next(next);
                        }
                    } catch (SQLException e) {
                        sink.error(e);
                    }
                }),
                RowCursor::close);
    }

    /** The next row mapped, or null after the last. */
    private T next() throws SQLException {
        return rows.next() ? mapper.mapRow(rows, row++) : null;
    }

    private void close() {
        try (statement) {
            rows.close();
        } catch (SQLException ignored) {
            // the connection's rollback below ends the cursor anyway
        } finally {
            release(connection);
        }
    }

    private static void release(Connection connection) {
        try (connection) {
            connection.rollback();
        } catch (SQLException ignored) {
            // a broken connection is discarded by the pool on close
        }
    }
}
