package io.relais.workflow;

import io.relais.common.FieldChange;
import io.relais.organisation.TestOrganisation;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.relais.common.CommandFixtures.as;
import static io.relais.common.CommandFixtures.fixture;
import static io.relais.common.RefusalMatchers.forbidden;
import static io.relais.common.RefusalMatchers.invalidField;
import static io.relais.common.RefusalMatchers.invalidTransition;
import static io.relais.common.RefusalMatchers.staleVersion;
import static io.relais.organisation.TestOrganisation.ANALYST;
import static io.relais.organisation.TestOrganisation.AUDITOR;
import static io.relais.organisation.TestOrganisation.FORMER;
import static io.relais.organisation.TestOrganisation.FORMER_ADMIN;
import static io.relais.organisation.TestOrganisation.MANAGER;
import static io.relais.organisation.TestOrganisation.REP;
import static io.relais.organisation.TestOrganisation.STEWARD;
import static io.relais.organisation.TestOrganisation.UNKNOWN;

/**
 * Fixture tests of a workflow rule: who may manage rules, what its settings and action must say, what a change
 * records, and retirement.
 */
class WorkflowRuleTest {

    private static final String ID = "7c1e3a5b-9d2f-4b6a-8e0c-1f3a5b7d9e2c";
    private static final WorkflowAction TASK = new WorkflowAction(WorkflowActionKind.SCHEDULE_TASK,
            TaskAssignee.OWNER_MANAGER, "Review the offer", 2, null, null);
    private static final WorkflowRuleSettings BIG_DEALS = new WorkflowRuleSettings("Big deals",
            "OpportunityStageChanged", "record.amount > 50000 and event.stage.name == 'NEGOTIATION'", TASK);
    private static final WorkflowRuleDefined DEFINED = new WorkflowRuleDefined(ID, BIG_DEALS);

    private FixtureConfiguration<WorkflowRule> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(WorkflowRule.class, TestOrganisation.salesTeam(), TestOrganisation.ADMIN);
    }

    private static WorkflowRuleSettings with(WorkflowAction action) {
        return new WorkflowRuleSettings("Rule", "LeadCaptured", null, action);
    }

    @Test
    void anAdministratorDefinesARule() {
        fixture.givenNoPriorActivity()
                .when(new DefineWorkflowRule(ID, BIG_DEALS))
                .expectEvents(DEFINED);
        fixture.givenNoPriorActivity()
                .when(new DefineWorkflowRule(ID, new WorkflowRuleSettings(" Partner leads ", "LeadCaptured", " ",
                        new WorkflowAction(WorkflowActionKind.REASSIGN, null, null, null, REP, null))))
                .expectEvents(new WorkflowRuleDefined(ID, new WorkflowRuleSettings("Partner leads", "LeadCaptured",
                        null, new WorkflowAction(WorkflowActionKind.REASSIGN, null, null, null, REP, null))));
    }

    @ParameterizedTest
    @ValueSource(strings = {REP, MANAGER, STEWARD, AUDITOR, ANALYST, FORMER_ADMIN, UNKNOWN})
    void onlyActiveAdministratorsManageRules(String user) {
        fixture.givenNoPriorActivity()
                .when(new DefineWorkflowRule(ID, BIG_DEALS), as(user))
                .expectException(forbidden());
        fixture.given(DEFINED)
                .when(new ChangeWorkflowRule(ID, BIG_DEALS, null), as(user))
                .expectException(forbidden());
        fixture.given(DEFINED)
                .when(new RetireWorkflowRule(ID), as(user))
                .expectException(forbidden());
    }

    @Test
    void eachActionTakesItsOwnFields() {
        fixture.givenNoPriorActivity()
                .when(new DefineWorkflowRule(ID, with(new WorkflowAction(WorkflowActionKind.SCHEDULE_TASK,
                        TaskAssignee.OWNER, "Call", 400, null, null))))
                .expectException(invalidField("action.dueInDays", "out-of-range"));
        fixture.givenNoPriorActivity()
                .when(new DefineWorkflowRule(ID, with(new WorkflowAction(WorkflowActionKind.SCHEDULE_TASK,
                        null, "Call", 1, null, null))))
                .expectException(invalidField("action.assignTo", "required"));
        fixture.givenNoPriorActivity()
                .when(new DefineWorkflowRule(ID, with(new WorkflowAction(WorkflowActionKind.SCHEDULE_TASK,
                        TaskAssignee.OWNER, "Call", 1, REP, null))))
                .expectException(invalidField("action.ownerId", "not-applicable"));
        fixture.givenNoPriorActivity()
                .when(new DefineWorkflowRule(ID, with(new WorkflowAction(WorkflowActionKind.CALL_WEBHOOK,
                        null, null, null, null, null))))
                .expectException(invalidField("action.webhookId", "required"));
        fixture.givenNoPriorActivity()
                .when(new DefineWorkflowRule(ID, with(new WorkflowAction(WorkflowActionKind.REASSIGN,
                        null, null, null, FORMER, null))))
                .expectException(invalidField("action.ownerId", "unknown-owner"));
        fixture.givenNoPriorActivity()
                .when(new DefineWorkflowRule(ID, with(new WorkflowAction(WorkflowActionKind.NOTIFY_FOLLOWERS,
                        null, " ", null, null, null))))
                .expectException(invalidField("action.subject", "required"));
        fixture.givenNoPriorActivity()
                .when(new DefineWorkflowRule(ID, with(new WorkflowAction(WorkflowActionKind.NOTIFY_FOLLOWERS,
                        TaskAssignee.OWNER, "A big deal", null, null, null))))
                .expectException(invalidField("action.assignTo", "not-applicable"));
        fixture.givenNoPriorActivity()
                .when(new DefineWorkflowRule(ID, new WorkflowRuleSettings("Rule", "lead captured", null, TASK)))
                .expectException(invalidField("eventType", "unknown-event-type"));
        fixture.givenNoPriorActivity()
                .when(new DefineWorkflowRule(ID, new WorkflowRuleSettings("Rule", "LeadCaptured", "x".repeat(1001),
                        TASK)))
                .expectException(invalidField("condition", "too-long"));
        fixture.givenNoPriorActivity()
                .when(new DefineWorkflowRule(ID, new WorkflowRuleSettings(null, "LeadCaptured", null, TASK)))
                .expectException(invalidField("name", "required"));
    }

    @Test
    void aChangeRecordsWhatChangedAndARetiredRuleStaysRetired() {
        WorkflowRuleSettings changed = new WorkflowRuleSettings("Big deals", "OpportunityStageChanged",
                "record.amount > 80000 and event.stage.name == 'NEGOTIATION'", new WorkflowAction(
                WorkflowActionKind.SCHEDULE_TASK, TaskAssignee.OWNER, "Review the offer", 2, null, null));
        fixture.given(DEFINED)
                .when(new ChangeWorkflowRule(ID, changed, 0L))
                .expectEvents(new WorkflowRuleChanged(ID, changed, List.of(
                        new FieldChange("condition", BIG_DEALS.condition(), changed.condition()),
                        new FieldChange("action", "SCHEDULE_TASK for OWNER_MANAGER, due in 2 days: Review the offer",
                                "SCHEDULE_TASK for OWNER, due in 2 days: Review the offer"))));
        fixture.given(DEFINED)
                .when(new ChangeWorkflowRule(ID, BIG_DEALS, null))
                .expectNoEvents();
        fixture.given(DEFINED, new WorkflowRuleChanged(ID, changed, List.of()))
                .when(new ChangeWorkflowRule(ID, BIG_DEALS, 0L))
                .expectException(staleVersion(0, 1));
        fixture.given(DEFINED)
                .when(new RetireWorkflowRule(ID))
                .expectEvents(new WorkflowRuleRetired(ID));
        fixture.given(DEFINED, new WorkflowRuleRetired(ID))
                .when(new RetireWorkflowRule(ID))
                .expectNoEvents();
        fixture.given(DEFINED, new WorkflowRuleRetired(ID))
                .when(new ChangeWorkflowRule(ID, BIG_DEALS, null))
                .expectException(invalidTransition("RETIRED"));
    }
}
