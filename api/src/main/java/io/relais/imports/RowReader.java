package io.relais.imports;

import io.relais.common.Refusal;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** How the rows of one kind of file become commands. */
interface RowReader {

    static RowReader of(ImportKind kind) {
        return switch (kind) {
            case LEADS -> LeadRows.READER;
            case ACCOUNTS -> AccountRows.READER;
        };
    }

    /** Each field a row fills, with the headers that name it unless the request maps another. */
    Map<String, List<String>> usualHeaders();

    /** The row's commands, from its values by field; refused as the row's field that cannot be read. */
    RowCommands commands(Identity identity, Map<String, String> values, ImportSettings settings);

    /** Checks one of a row's commands by the rules its handler applies, for a record going to {@code owner}. */
    void check(Object command, String owner, Clock clock);

    /** The field of a refusal of {@code command}, as the file's mapping names it; null (the row's) stays null. */
    String fieldOf(Object command, String refusedField);

    /** The id of the record {@code command} makes. */
    String madeId(Object command);

    /** Whether the record {@code command} makes is in the store already. */
    boolean inStore(Object command, EventStore events);

    /** Whether {@code refusal} says the record the command makes exists already, besides a creation's race. */
    default boolean madeBefore(Refusal refusal) {
        return false;
    }

    /**
     * What identifies a row's records: the value of the import's key column, or else the file's digest and the
     * row's place in it. A record's id is derived from it by name (UUID v3), so that the same rows imported again
     * meet the records made.
     *
     * @param key  {@code <key column>|<value>}, or null without a key column
     * @param file {@code <file's SHA-256>|<row index>}
     */
    record Identity(ImportKind kind, String key, String file) {

        /** The id of the row's record {@code part}, identified by {@code identity} when given, else by the row. */
        String id(String part, String identity) {
            String by = identity != null ? identity : key != null ? "key|" + key : "file|" + file;
            return UUID.nameUUIDFromBytes(("relais-import|" + kind + "|" + part + "|" + by)
                    .getBytes(StandardCharsets.UTF_8)).toString();
        }
    }
}
