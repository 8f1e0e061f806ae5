package io.relais.workflow;

import io.relais.common.SearchText;
import io.relais.projection.RecordRows;
import io.relais.readmodel.Listing;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The workflow rules' table, and the queries it answers. */
@Repository
class WorkflowRuleRepository {

    private static final String COLUMNS = "id, version, name, event_type, condition, action_kind, assign_to, "
            + "subject, due_in_days, owner_id, webhook_id, status, author_id, created_at, updated_at";

    private static final String UPSERT = RecordRows.upsert("workflow_rule_view", COLUMNS + ", search_text");

    private final NamedParameterJdbcTemplate jdbc;

    WorkflowRuleRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<WorkflowRuleRow> findAll(Collection<String> ids) {
        return RecordRows.select(jdbc.getJdbcTemplate(), "select " + COLUMNS
                + " from workflow_rule_view where id = any(?)", ids, WorkflowRuleRepository::mapRow);
    }

    void write(WorkflowRuleBatch batch) {
        List<WorkflowRuleRow> rules = batch.rules.changed();
        jdbc.getJdbcTemplate().batchUpdate(UPSERT, rules, rules.size(), (ps, row) -> {
            WorkflowRuleSettings settings = row.settings;
            WorkflowAction action = settings.action();
            ps.setString(1, row.id());
            ps.setLong(2, row.version());
            ps.setString(3, settings.name());
            ps.setString(4, settings.eventType());
            ps.setString(5, settings.condition());
            ps.setString(6, action.kind().name());
            ps.setString(7, action.assignTo() == null ? null : action.assignTo().name());
            ps.setString(8, action.subject());
            ps.setObject(9, action.dueInDays());
            ps.setString(10, action.ownerId());
            ps.setString(11, action.webhookId());
            ps.setString(12, row.status.name());
            ps.setString(13, row.authorId);
            ps.setTimestamp(14, Timestamp.from(row.createdAt));
            ps.setTimestamp(15, Timestamp.from(row.updatedAt()));
            ps.setString(16, SearchText.of(settings.name(), settings.eventType()));
        });
    }

    void deleteAll() {
        jdbc.getJdbcTemplate().execute("truncate workflow_rule_view");
    }

    @QueryHandler
    Optional<WorkflowRuleView> find(FindWorkflowRule query) {
        return Listing.select(jdbc, COLUMNS, "workflow_rule_view").byId(query.ruleId(), WorkflowRuleRepository::mapRow)
                .map(WorkflowRuleRow::toView);
    }

    @QueryHandler
    WorkflowRulePage findPage(FindWorkflowRules query) {
        Listing rules = Listing.select(jdbc, COLUMNS, "workflow_rule_view");
        if (!query.includeRetired()) {
            rules.where("status <> 'RETIRED'");
        }
        return rules.searching(query.text())
                .page("name, id", query.page(), WorkflowRuleRepository::mapRow, (items, page, size, total) ->
                        new WorkflowRulePage(items.stream().map(WorkflowRuleRow::toView).toList(), page, size,
                                total));
    }

    private static WorkflowRuleRow mapRow(ResultSet rs, int rowNum) throws SQLException {
        WorkflowRuleRow row = new WorkflowRuleRow(rs.getString("id"), rs.getLong("version"),
                rs.getTimestamp("updated_at").toInstant());
        String assignTo = rs.getString("assign_to");
        WorkflowAction action = new WorkflowAction(WorkflowActionKind.valueOf(rs.getString("action_kind")),
                assignTo == null ? null : TaskAssignee.valueOf(assignTo), rs.getString("subject"),
                rs.getObject("due_in_days", Integer.class), rs.getString("owner_id"), rs.getString("webhook_id"));
        row.settings = new WorkflowRuleSettings(rs.getString("name"), rs.getString("event_type"),
                rs.getString("condition"), action);
        row.status = WorkflowRuleStatus.valueOf(rs.getString("status"));
        row.authorId = rs.getString("author_id");
        row.createdAt = rs.getTimestamp("created_at").toInstant();
        return row;
    }
}
