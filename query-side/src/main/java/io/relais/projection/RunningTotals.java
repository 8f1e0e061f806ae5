package io.relais.projection;

import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Counts and sums of a read-model table's rows by a key, kept in a table of their own by the projection that writes
 * the rows, so that a figure over a whole organisation reads some thousand totals instead of every row. A batch reads
 * the totals of the rows it is about to write ({@link #of}), writes them, reads their totals again, and adds the
 * difference ({@link #add}): in one statement, in the keys' order, so that segments writing at once wait for each
 * other rather than deadlock. A total whose first column (the count) falls to zero is deleted, so the table always
 * equals the grouping of the rows, whatever the order of the batches and after a rebuild.
 */
public final class RunningTotals {

    /** The totals of some rows, by key. */
    public record Snapshot(Map<List<Object>, List<BigDecimal>> totals) {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Comparator<List<Object>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int order = Comparator.nullsFirst((Comparator) Comparator.naturalOrder()).compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    };

    private final String select;
    private final String upsert;
    private final String dropEmpty;
    private final int keys;
    private final int sums;

    /**
     * @param table  the totals' table, unique on {@code keys} (nulls not distinct)
     * @param rows   the rows' table and the condition a row must meet to count, with {@code ?} for the ids read, such
     *               as {@code "activity_view where id = any(?) and status = 'DONE'"}
     * @param keys   each key column of {@code table} and the expression over a row that gives it
     * @param sums   each total column of {@code table} and the aggregate over the rows that gives it, the count
     *               first
     */
    public RunningTotals(String table, String rows, Map<String, String> keys, Map<String, String> sums) {
        this.keys = keys.size();
        this.sums = sums.size();
        String groups = String.join(", ", IntStream.rangeClosed(1, keys.size())
                .mapToObj(Integer::toString).toList());
        this.select = "select " + String.join(", ", keys.values()) + ", " + String.join(", ", sums.values())
                + " from " + rows + " group by " + groups;
        String columns = String.join(", ", keys.keySet()) + ", " + String.join(", ", sums.keySet());
        this.upsert = "insert into " + table + " (" + columns + ") values ("
                + String.join(", ", Collections.nCopies(keys.size() + sums.size(), "?"))
                + ") on conflict (" + String.join(", ", keys.keySet()) + ") do update set "
                + sums.keySet().stream().map(sum -> sum + " = " + table + "." + sum + " + excluded." + sum)
                .collect(Collectors.joining(", "));
        this.dropEmpty = "delete from " + table + " where " + sums.keySet().iterator().next() + " = 0";
    }

    /** The totals of the rows of {@code ids} as they are now. */
    public Snapshot of(JdbcTemplate jdbc, Collection<String> ids) {
        Map<List<Object>, List<BigDecimal>> totals = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query(select, rs -> {
                List<Object> key = new ArrayList<>(keys);
                for (int i = 1; i <= keys; i++) {
                    key.add(rs.getObject(i));
                }
                List<BigDecimal> values = new ArrayList<>(sums);
                for (int i = keys + 1; i <= keys + sums; i++) {
                    values.add(rs.getBigDecimal(i));
                }
                totals.put(key, values);
            }, (Object) ids.toArray(String[]::new));
        }
        return new Snapshot(totals);
    }

    /** Adds to the totals what changed from {@code before} to {@code after}. */
    public void add(JdbcTemplate jdbc, Snapshot before, Snapshot after) {
        Map<List<Object>, List<BigDecimal>> changes = new LinkedHashMap<>();
        after.totals().forEach((key, values) -> changes.put(key, values));
        before.totals().forEach((key, values) -> changes.merge(key, negated(values), RunningTotals::plus));
        List<Object[]> rows = changes.entrySet().stream()
                .filter(change -> change.getValue().stream().anyMatch(value -> value.signum() != 0))
                .sorted(Map.Entry.comparingByKey(KEY_ORDER))
                .map(change -> {
                    List<Object> row = new ArrayList<>(change.getKey());
                    row.addAll(change.getValue());
                    return row.toArray();
                })
                .toList();
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(upsert, rows);
            jdbc.update(dropEmpty);
        }
    }

    private static List<BigDecimal> negated(List<BigDecimal> values) {
        return values.stream().map(BigDecimal::negate).toList();
    }

    private static List<BigDecimal> plus(List<BigDecimal> a, List<BigDecimal> b) {
        List<BigDecimal> sum = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            sum.add(a.get(i).add(b.get(i)));
        }
        return sum;
    }
}
