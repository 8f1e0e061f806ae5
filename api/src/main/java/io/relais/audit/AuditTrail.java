package io.relais.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.common.AuditMetadata;
import io.relais.common.FieldChange;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The audit view of the event store. SQL finds the events a query asks for on the store's own columns, its
 * metadata and the record each event belongs to (the indexes of migration V17); the events themselves, and the
 * earlier events of their records from which old values are folded ({@link FieldHistory}), are read through
 * Axon's serializer and upcaster chain as the storage engine reads them, never from the stored JSON, so that what
 * the serializer does to stored values (decrypting personal data, nulls once erased) holds here too. Only with
 * the engine's own JDBC event store (not with Axon Server).
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class AuditTrail {

    /** SQL for the record a stored event belongs to, as {@code <TYPE>:<id>} ({@link AuditRecord}). */
    public static final String RECORD = "audit_record(type, aggregateidentifier, payloadtype, payload)";
    private static final int HISTORY_PAGE = 200;
    private static final String USER = "audit_json_id(metadata, 'userId')";
    private static final String ON_BEHALF_OF = "audit_json_id(metadata, 'onBehalfOf')";
    private static final String CORRELATION = "audit_json_id(metadata, 'correlationId')";
    private static final String COLUMNS = "globalindex, eventidentifier, aggregateidentifier, sequencenumber, type, "
            + "timestamp, payloadtype, payloadrevision, payload, metadata, " + RECORD + " as record";

    private final NamedParameterJdbcTemplate jdbc;
    private final Configuration axon;
    private final ObjectMapper json;

    AuditTrail(NamedParameterJdbcTemplate jdbc, Configuration axon, ObjectMapper json) {
        this.jdbc = jdbc;
        this.axon = axon;
        this.json = json;
    }

    /** Whether any event belongs to the record. */
    boolean exists(AuditRecord record) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from domainevententry where " + RECORD
                + " = :record)", Map.of("record", record.key()), Boolean.class));
    }

    /** A record's whole history, oldest first. */
    public List<AuditEntry> history(AuditRecord record) {
        List<AuditEntry> entries = new ArrayList<>();
        Long after = null;
        while (true) {
            AuditEntryRange page = page(AuditQuery.of(record, new AuditQuery.Paging(true, after, null, HISTORY_PAGE)));
            entries.addAll(page.content());
            if (!page.more()) {
                return entries;
            }
            after = page.after();
        }
    }

    AuditEntryRange page(AuditQuery query) {
        AuditQuery.Paging paging = query.paging();
        List<Long> positions = positions(query);
        boolean more = positions.size() > paging.size();
        Set<Long> shown = new HashSet<>(positions.subList(0, Math.min(paging.size(), positions.size())));
        List<AuditEntry> entries = shown.isEmpty() ? new ArrayList<>() : render(history(shown)).stream()
                .filter(entry -> shown.contains(entry.position())).collect(Collectors.toCollection(ArrayList::new));
        if (!paging.oldestFirst()) {
            Collections.reverse(entries);
        }
        Long after = entries.isEmpty() ? emptyPageAfter(paging) : Long.valueOf(newest(entries).position());
        Long before = entries.isEmpty() ? emptyPageBefore(paging) : Long.valueOf(oldest(entries).position());
        return new AuditEntryRange(entries, paging.size(), paging.oldestFirst() ? "asc" : "desc", more, after, before);
    }

    private static AuditEntry newest(List<AuditEntry> entries) {
        return entries.get(entries.get(0).position() > entries.get(entries.size() - 1).position() ? 0
                : entries.size() - 1);
    }

    private static AuditEntry oldest(List<AuditEntry> entries) {
        return entries.get(entries.get(0).position() < entries.get(entries.size() - 1).position() ? 0
                : entries.size() - 1);
    }

    private static Long emptyPageAfter(AuditQuery.Paging paging) {
        return paging.after() != null ? paging.after() : paging.before() != null ? paging.before() - 1 : null;
    }

    private static Long emptyPageBefore(AuditQuery.Paging paging) {
        return paging.before() != null ? paging.before() : paging.after() != null ? paging.after() + 1 : null;
    }

    /** The positions of the matching events, one more than the page holds, in the order the store is read. */
    private List<Long> positions(AuditQuery query) {
        AuditQuery.Paging paging = query.paging();
        MapSqlParameterSource parameters = new MapSqlParameterSource("limit", paging.size() + 1);
        List<String> conditions = new ArrayList<>();
        if (query.recordId() != null) {
            List<AuditRecordType> types = query.recordType() == null ? Arrays.asList(AuditRecordType.values())
                    : List.of(query.recordType());
            conditions.add(RECORD + " in (:records)");
            parameters.addValue("records", types.stream()
                    .map(type -> new AuditRecord(type, query.recordId()).key()).toList());
        } else if (query.recordType() != null) {
            conditions.add("starts_with(" + RECORD + ", :recordPrefix)");
            parameters.addValue("recordPrefix", query.recordType() + ":");
        }
        if (query.correlationId() != null) {
            conditions.add(CORRELATION + " = :correlationId");
            parameters.addValue("correlationId", query.correlationId());
        }
        if (!query.payloadTypes().isEmpty()) {
            conditions.add("payloadtype in (:payloadTypes)");
            parameters.addValue("payloadTypes", query.payloadTypes());
        }
        if (query.from() != null) {
            conditions.add("timestamp >= :from");
            parameters.addValue("from", DateTimeUtils.formatInstant(query.from()));
        }
        if (query.to() != null) {
            conditions.add("timestamp < :to");
            parameters.addValue("to", DateTimeUtils.formatInstant(query.to()));
        }
        if (paging.after() != null) {
            conditions.add("globalindex > :after");
            parameters.addValue("after", paging.after());
        }
        if (paging.before() != null) {
            conditions.add("globalindex < :before");
            parameters.addValue("before", paging.before());
        }
        String order = " order by globalindex " + (paging.upwards() ? "asc" : "desc") + " limit :limit";
        String sql;
        if (query.userId() == null) {
            sql = select(conditions) + order;
        } else {
            // an index scan for each role of the user, merged: an "or" would read all of the user's events
            parameters.addValue("userId", query.userId());
            sql = "select globalindex from ((" + select(with(conditions, USER + " = :userId")) + order + ") union ("
                    + select(with(conditions, ON_BEHALF_OF + " = :userId")) + order + ")) matching" + order;
        }
        return jdbc.queryForList(sql, parameters, Long.class);
    }

    private static List<String> with(List<String> conditions, String condition) {
        List<String> all = new ArrayList<>(conditions);
        all.add(condition);
        return all;
    }

    private static String select(List<String> conditions) {
        return "select globalindex from domainevententry"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions));
    }

    /** The events at {@code positions} and every earlier event of their records, in store order. */
    private List<StoredRow> history(Set<Long> positions) {
        return jdbc.query("with page as (select " + RECORD + " as record, globalindex from domainevententry "
                        + "where globalindex in (:positions)) "
                        + "select " + COLUMNS + " from domainevententry where " + RECORD + " in (select record from page) "
                        + "and globalindex <= (select max(globalindex) from page) order by globalindex",
                Map.of("positions", positions), (row, number) -> new StoredRow(row.getLong("globalindex"),
                        row.getString("record"), new GenericDomainEventEntry<>(row.getString("type"),
                        row.getString("aggregateidentifier"), row.getLong("sequencenumber"),
                        row.getString("eventidentifier"), row.getString("timestamp"), row.getString("payloadtype"),
                        row.getString("payloadrevision"), row.getString("payload"), row.getString("metadata"))));
    }

    /**
     * Renders the events of {@code history} (whole histories of their records, in store order) as the entries the
     * audit view shows, each with the changes it makes to its record.
     */
    List<AuditEntry> render(List<StoredRow> history) {
        Map<String, StoredRow> rows = history.stream()
                .collect(Collectors.toMap(row -> row.data().getEventIdentifier(), row -> row));
        DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                history.stream().map(StoredRow::data), axon.eventSerializer(), axon.upcasterChain());
        Map<String, FieldHistory> records = new HashMap<>();
        List<AuditEntry> entries = new ArrayList<>();
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            StoredRow row = rows.get(event.getIdentifier());
            List<FieldChange> changes = records.computeIfAbsent(row.record(), record -> new FieldHistory())
                    .apply(json.valueToTree(event.getPayload()));
            MetaData metaData = event.getMetaData();
            entries.add(new AuditEntry(row.position(), event.getIdentifier(), event.getPayloadType().getSimpleName(),
                    AuditRecord.ofKey(row.record()), event.getTimestamp(), text(metaData, AuditMetadata.USER_ID),
                    text(metaData, AuditMetadata.ON_BEHALF_OF), text(metaData, AuditMetadata.CORRELATION_ID),
                    text(metaData, AuditMetadata.CAUSATION_ID), text(metaData, AuditMetadata.CHANGE_REASON),
                    changes));
        }
        return entries;
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }

    /** A stored event as the storage engine reads it, with its position and the record it belongs to. */
    record StoredRow(long position, String record, DomainEventData<String> data) {
    }
}
