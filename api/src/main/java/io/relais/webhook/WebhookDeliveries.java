package io.relais.webhook;

import io.relais.common.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deliveries' tables (migration V37): the outbox queues, the sender claims what is due (one delivery per record
 * and subscription at a time, the oldest event first), and each attempt is logged.
 */
@Repository
class WebhookDeliveries {

    /** A delivery claimed for an attempt: what the sender needs to make the request. */
    record Claim(String id, String webhookId, String url, String secretId, String eventId, long position,
                 String eventType, String recordType, String recordId, String aggregateType, long sequenceNumber,
                 int attempt, Instant firstAttemptAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    WebhookDeliveries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The subscriptions the outbox queues for, as it last recorded them. */
    Map<String, OutboxBatch.Route> routes() {
        Map<String, OutboxBatch.Route> routes = new LinkedHashMap<>();
        jdbc.getJdbcTemplate().query("select webhook_id, event_types, record_types from webhook_route "
                + "where not retired order by webhook_id", row -> {
            String id = row.getString("webhook_id");
            routes.put(id, new OutboxBatch.Route(id, new WebhookSettings(null, names(row.getArray("event_types")),
                    names(row.getArray("record_types")), null), false));
        });
        return routes;
    }

    void write(OutboxBatch batch) {
        JdbcTemplate template = jdbc.getJdbcTemplate();
        List<OutboxBatch.Route> routes = List.copyOf(batch.changedRoutes.values());
        template.batchUpdate("insert into webhook_route (webhook_id, event_types, record_types, retired) "
                + "values (?, ?, ?, ?) on conflict (webhook_id) do update set event_types = excluded.event_types, "
                + "record_types = excluded.record_types, retired = excluded.retired", routes, routes.size(),
                (ps, route) -> {
                    ps.setString(1, route.webhookId());
                    ps.setArray(2, ps.getConnection().createArrayOf("text", route.settings().eventTypes().toArray()));
                    ps.setArray(3, ps.getConnection().createArrayOf("text", route.settings().recordTypes().toArray()));
                    ps.setBoolean(4, route.retired());
                });
        queue(batch.queued);
        for (String webhookId : batch.resumed) {
            restartRounds(webhookId, batch.resumedAt);
        }
    }

    /** Queues each event for its subscription, once: an event queued again for the same one is left as it is. */
    void queue(List<OutboxBatch.Queued> queued) {
        jdbc.getJdbcTemplate().batchUpdate("insert into webhook_delivery (id, webhook_id, event_id, position, "
                + "event_type, record_type, record_id, aggregate_type, sequence_number, occurred_at, queued_at, "
                + "status, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?) "
                + "on conflict (webhook_id, event_id) do nothing", queued, queued.size(), (ps, delivery) -> {
                    ps.setString(1, delivery.deliveryId());
                    ps.setString(2, delivery.webhookId());
                    ps.setString(3, delivery.eventId());
                    ps.setLong(4, delivery.position());
                    ps.setString(5, delivery.eventType());
                    ps.setString(6, delivery.recordType());
                    ps.setString(7, delivery.recordId());
                    ps.setString(8, delivery.aggregateType());
                    ps.setLong(9, delivery.sequenceNumber());
                    ps.setTimestamp(10, Timestamp.from(delivery.occurredAt()));
                    ps.setTimestamp(11, Timestamp.from(delivery.queuedAt()));
                    ps.setTimestamp(12, Timestamp.from(delivery.queuedAt()));
                });
    }

    /**
     * Claims up to {@code most} deliveries due at {@code now} to active subscriptions, each the oldest pending one of
     * its record and subscription, for an attempt that holds them until {@code until} (after which a node that
     * stopped mid-attempt lets another try again).
     */
    @Transactional
    List<Claim> claim(int most, Instant now, Instant until) {
        return jdbc.query("with due as (select d.id from webhook_delivery d "
                        + "join webhook_view w on w.id = d.webhook_id and w.status = 'ACTIVE' "
                        + "where d.status = 'PENDING' and d.next_attempt_at <= :now and not exists (select 1 "
                        + "from webhook_delivery e where e.webhook_id = d.webhook_id and e.record_id = d.record_id "
                        + "and e.status = 'PENDING' and e.position < d.position) "
                        + "order by d.next_attempt_at, d.position limit :most for update of d skip locked) "
                        + "update webhook_delivery d set attempts = d.attempts + 1, next_attempt_at = :until, "
                        + "first_attempt_at = coalesce(d.first_attempt_at, :now), last_attempt_at = :now "
                        + "from due, webhook_view w where d.id = due.id and w.id = d.webhook_id "
                        + "returning d.id, d.webhook_id, w.url, w.secret_id, d.event_id, d.position, d.event_type, "
                        + "d.record_type, d.record_id, d.aggregate_type, d.sequence_number, d.attempts, "
                        + "d.first_attempt_at",
                new MapSqlParameterSource("now", Timestamp.from(now)).addValue("until", Timestamp.from(until))
                        .addValue("most", most),
                (row, i) -> new Claim(row.getString("id"), row.getString("webhook_id"), row.getString("url"),
                        row.getString("secret_id"), row.getString("event_id"), row.getLong("position"),
                        row.getString("event_type"), row.getString("record_type"), row.getString("record_id"),
                        row.getString("aggregate_type"), row.getLong("sequence_number"), row.getInt("attempts"),
                        row.getTimestamp("first_attempt_at").toInstant()));
    }

    /**
     * Records an attempt's outcome: {@code DELIVERED}, or still {@code PENDING} until {@code nextAttemptAt}, or
     * {@code FAILED} when that is null (given up).
     */
    @Transactional
    void attempted(Claim claim, WebhookDelivery.Attempt attempt, boolean delivered, Instant nextAttemptAt) {
        jdbc.update("insert into webhook_attempt (delivery_id, number, attempted_at, status_code, latency_ms, error) "
                        + "values (:id, :number, :at, :code, :latency, :error) on conflict do nothing",
                new MapSqlParameterSource("id", claim.id()).addValue("number", attempt.number())
                        .addValue("at", Timestamp.from(attempt.attemptedAt()))
                        .addValue("code", attempt.statusCode()).addValue("latency", attempt.latencyMillis())
                        .addValue("error", attempt.error()));
        String status = delivered ? "DELIVERED" : nextAttemptAt == null ? "FAILED" : "PENDING";
        Instant at = attempt.attemptedAt().plusMillis(attempt.latencyMillis());
        jdbc.update("update webhook_delivery set status = :status, next_attempt_at = coalesce(:next, next_attempt_at), "
                        + "delivered_at = :delivered where id = :id and attempts = :number",
                new MapSqlParameterSource("id", claim.id()).addValue("number", attempt.number())
                        .addValue("status", status)
                        .addValue("next", nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt))
                        .addValue("delivered", delivered ? Timestamp.from(at) : null));
    }

    /** Notes a success ({@code null}) or a failure of the subscription; the time since which it has failed. */
    @Transactional
    Optional<Instant> health(String webhookId, boolean succeeded, Instant now) {
        Timestamp failingSince = jdbc.queryForObject("insert into webhook_health as h (webhook_id, failing_since, "
                        + "last_success_at) values (:id, :failing, :success) on conflict (webhook_id) do update set "
                        + "failing_since = case when :succeeded then null else coalesce(h.failing_since, :now) end, "
                        + "last_success_at = coalesce(excluded.last_success_at, h.last_success_at) "
                        + "returning failing_since",
                new MapSqlParameterSource("id", webhookId).addValue("succeeded", succeeded)
                        .addValue("now", Timestamp.from(now))
                        .addValue("failing", succeeded ? null : Timestamp.from(now))
                        .addValue("success", succeeded ? Timestamp.from(now) : null), Timestamp.class);
        return Optional.ofNullable(failingSince).map(Timestamp::toInstant);
    }

    /** After a resumption: the pending deliveries are due now, each with a new retry period, and no failure counts. */
    private void restartRounds(String webhookId, Instant now) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("id", webhookId).addValue("now",
                Timestamp.from(now));
        jdbc.update("update webhook_delivery set next_attempt_at = :now, first_attempt_at = null "
                + "where webhook_id = :id and status = 'PENDING'", parameters);
        jdbc.update("update webhook_health set failing_since = null where webhook_id = :id", parameters);
    }

    /** Queues a delivery again, due now with a new retry period, whatever became of it; false when there is none. */
    @Transactional
    boolean redeliver(String webhookId, String deliveryId, Instant now) {
        return jdbc.update("update webhook_delivery set status = 'PENDING', next_attempt_at = :now, "
                + "first_attempt_at = null, delivered_at = null where webhook_id = :webhook and id = :id",
                new MapSqlParameterSource("webhook", webhookId).addValue("id", deliveryId)
                        .addValue("now", Timestamp.from(now))) == 1;
    }

    WebhookDeliveryPage page(String webhookId, String status, PageRequest page) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("webhook", webhookId).addValue("status", status)
                .addValue("size", page.size()).addValue("offset", page.offset());
        String where = " from webhook_delivery d where d.webhook_id = :webhook"
                + (status == null ? "" : " and d.status = :status");
        Long total = jdbc.queryForObject("select count(*)" + where, parameters, Long.class);
        List<WebhookDelivery> deliveries = jdbc.query("select d.*, a.number, a.attempted_at, a.status_code, "
                        + "a.latency_ms, a.error" + where.replace(" where ", " left join lateral (select * from "
                        + "webhook_attempt where delivery_id = d.id order by number desc limit 1) a on true where ")
                        + " order by d.position desc, d.id limit :size offset :offset", parameters,
                (row, i) -> delivery(row, row.getObject("number") == null ? List.of() : List.of(attempt(row))));
        return new WebhookDeliveryPage(deliveries, page.page(), page.size(), total == null ? 0 : total);
    }

    Optional<WebhookDelivery> find(String webhookId, String deliveryId) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("webhook", webhookId).addValue("id", deliveryId);
        List<WebhookDelivery.Attempt> attempts = jdbc.query("select number, attempted_at, status_code, latency_ms, "
                + "error from webhook_attempt where delivery_id = :id order by number", parameters,
                (row, i) -> attempt(row));
        return jdbc.query("select * from webhook_delivery where webhook_id = :webhook and id = :id", parameters,
                (row, i) -> delivery(row, attempts)).stream().findFirst();
    }

    private static WebhookDelivery delivery(ResultSet row, List<WebhookDelivery.Attempt> attempts)
            throws SQLException {
        String status = row.getString("status");
        Timestamp delivered = row.getTimestamp("delivered_at");
        return new WebhookDelivery(row.getString("id"), row.getString("webhook_id"), row.getString("event_id"),
                row.getLong("position"), row.getString("event_type"), row.getString("record_type"),
                row.getString("record_id"), row.getTimestamp("occurred_at").toInstant(),
                row.getTimestamp("queued_at").toInstant(), status, row.getInt("attempts"),
                "PENDING".equals(status) ? row.getTimestamp("next_attempt_at").toInstant() : null,
                delivered == null ? null : delivered.toInstant(), attempts);
    }

    private static WebhookDelivery.Attempt attempt(ResultSet row) throws SQLException {
        Integer code = row.getObject("status_code", Integer.class);
        return new WebhookDelivery.Attempt(row.getInt("number"), row.getTimestamp("attempted_at").toInstant(), code,
                row.getLong("latency_ms"), row.getString("error"));
    }

    private static List<String> names(Array names) throws SQLException {
        return new ArrayList<>(Arrays.asList((String[]) names.getArray()));
    }
}
