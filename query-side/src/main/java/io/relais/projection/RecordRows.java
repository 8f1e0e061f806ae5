package io.relais.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rows of one read-model table that a batch of events touches, one per record (the events' aggregate): read
 * with one query when the batch starts, instead of one query per event, changed in memory as its events are
 * handled, and the changed ones written when the batch commits ({@link ProjectionBatches}). An event at or below
 * its row's version changes nothing, so a replay without a reset changes nothing.
 */
public final class RecordRows<R extends RecordRow> {

    private final Function<Set<String>, Collection<R>> read;
    private final Map<String, Optional<R>> rows = new HashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();

    /** Reads, with {@code read}, the rows of the records that {@code events} belong to. */
    public RecordRows(List<? extends Message<?>> events, Function<Set<String>, Collection<R>> read) {
        this.read = read;
        Set<String> ids = new LinkedHashSet<>();
        for (Message<?> event : events) {
            if (event instanceof DomainEventMessage<?> domainEvent) {
                ids.add(domainEvent.getAggregateIdentifier());
            }
        }
        Map<String, R> found = read.apply(ids).stream().collect(Collectors.toMap(RecordRow::id, row -> row));
        ids.forEach(id -> rows.put(id, Optional.ofNullable(found.get(id))));
    }

    public Optional<R> find(String id) {
        return rows.computeIfAbsent(id, key -> read.apply(Set.of(key)).stream().findFirst());
    }

    /** Adds a new record's row, unless the record has one already (a replay): false then. */
    public boolean add(R row) {
        if (find(row.id()).isPresent()) {
            return false;
        }
        rows.put(row.id(), Optional.of(row));
        changed.add(row.id());
        return true;
    }

    /**
     * Applies the event to its record's row and moves the row to the event's version, unless there is no row or
     * the row shows that version already: false then.
     */
    public boolean update(DomainEventMessage<?> message, Consumer<R> change) {
        R row = find(message.getAggregateIdentifier()).orElse(null);
        if (row == null || row.version() >= message.getSequenceNumber()) {
            return false;
        }
        change.accept(row);
        row.advanceTo(message);
        changed.add(row.id());
        return true;
    }

    /** The rows added or changed, to write when the batch commits. */
    public List<R> changed() {
        return changed.stream().map(id -> rows.get(id).orElseThrow()).toList();
    }

    /**
     * The rows {@code select} finds for these identifiers, bound as an array to its one parameter
     * ({@code where id = any(?)}). The statement is never server-prepared: a generic plan cached while the table
     * was empty (right after a reset) would scan the whole table for every batch of a rebuild; planned with the
     * actual identifiers it uses the primary key.
     */
    public static <R> List<R> select(JdbcTemplate jdbc, String select, Collection<String> ids, RowMapper<R> mapper) {
        return jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(select);
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            statement.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            return statement;
        }, mapper);
    }

    /**
     * An insert of a row with these columns, the first of which is its key, that replaces the row when there is
     * one already; one positional parameter per column.
     */
    public static String upsert(String table, String columns) {
        List<String> names = Arrays.stream(columns.split(",")).map(String::trim).toList();
        return "insert into " + table + " (" + String.join(", ", names) + ") values ("
                + names.stream().map(name -> "?").collect(Collectors.joining(", ")) + ") on conflict ("
                + names.get(0) + ") do update set " + names.stream().skip(1)
                .map(name -> name + " = excluded." + name).collect(Collectors.joining(", "));
    }
}
