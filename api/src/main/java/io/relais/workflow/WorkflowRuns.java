package io.relais.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.common.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;

/** The rules as the workflow processor follows them, and their runs (migration V43). */
@Repository
class WorkflowRuns {

    /** A rule as the processor follows it. */
    record Route(String ruleId, WorkflowRuleSettings settings, String authorId) {
    }

    private static final int MAX_DETAIL = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    WorkflowRuns(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void route(String ruleId, WorkflowRuleSettings settings, String authorId) {
        jdbc.update("insert into workflow_rule_route (rule_id, event_type, settings, author_id, retired) "
                        + "values (:id, :type, :settings, :author, false) on conflict (rule_id) do update set "
                        + "event_type = excluded.event_type, settings = excluded.settings, "
                        + "author_id = excluded.author_id",
                new MapSqlParameterSource("id", ruleId).addValue("type", settings.eventType())
                        .addValue("settings", write(settings)).addValue("author", authorId));
    }

    void retire(String ruleId) {
        jdbc.update("update workflow_rule_route set retired = true where rule_id = :id",
                new MapSqlParameterSource("id", ruleId));
    }

    /** The active rules an event of this type runs, in a stable order. */
    List<Route> routes(String eventType) {
        return jdbc.query("select rule_id, settings, author_id from workflow_rule_route "
                        + "where event_type = :type and not retired order by rule_id",
                new MapSqlParameterSource("type", eventType),
                (row, i) -> new Route(row.getString("rule_id"), read(row.getString("settings")),
                        row.getString("author_id")));
    }

    /** Whether the rule ran for this event already. */
    boolean ran(String ruleId, String eventId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from workflow_run "
                        + "where rule_id = :rule and event_id = :event)",
                new MapSqlParameterSource("rule", ruleId).addValue("event", eventId), Boolean.class));
    }

    /** Records a run, with what its action did or why it failed; a rule's run for an event is recorded once. */
    /** Records a run; {@code notice}, when given, is the message the record's followers are alerted with. */
    void record(WorkflowRun run, String notice) {
        String detail = run.detail().length() > MAX_DETAIL ? run.detail().substring(0, MAX_DETAIL) : run.detail();
        jdbc.update("insert into workflow_run (rule_id, event_id, position, event_type, record_id, ran_at, outcome, "
                        + "detail, notice) values (:rule, :event, :position, :type, :record, :at, :outcome, :detail, "
                        + ":notice) on conflict do nothing",
                new MapSqlParameterSource("rule", run.ruleId()).addValue("event", run.eventId())
                        .addValue("position", run.position()).addValue("type", run.eventType())
                        .addValue("record", run.recordId()).addValue("at", Timestamp.from(run.ranAt()))
                        .addValue("outcome", run.outcome()).addValue("detail", detail)
                        .addValue("notice", notice));
    }

    WorkflowRunPage page(String ruleId, PageRequest page) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("rule", ruleId).addValue("size", page.size())
                .addValue("offset", page.offset());
        Long total = jdbc.queryForObject("select count(*) from workflow_run where rule_id = :rule", parameters,
                Long.class);
        List<WorkflowRun> runs = jdbc.query("select * from workflow_run where rule_id = :rule "
                        + "order by position desc limit :size offset :offset", parameters,
                (row, i) -> new WorkflowRun(row.getString("rule_id"), row.getString("event_id"),
                        row.getLong("position"), row.getString("event_type"), row.getString("record_id"),
                        row.getTimestamp("ran_at").toInstant(), row.getString("outcome"), row.getString("detail")));
        return new WorkflowRunPage(runs, page.page(), page.size(), total == null ? 0 : total);
    }

    private String write(WorkflowRuleSettings settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a rule's settings", e);
        }
    }

    private WorkflowRuleSettings read(String settings) {
        try {
            return json.readValue(settings, WorkflowRuleSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a rule's settings", e);
        }
    }
}
