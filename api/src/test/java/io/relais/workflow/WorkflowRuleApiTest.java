package io.relais.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.activity.ActivityScheduled;
import io.relais.lead.LeadOwnerAssigned;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import io.relais.webhook.Receiver;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Workflow rules over HTTP: a rule on a deal's stage schedules a task for the owner's manager, by system:workflow
 * on behalf of its author, once per event even when the event comes again; a rule on a lead's source reassigns it
 * while a rule whose condition fails at run time is recorded as FAILED and the processor goes on; a rule calls a
 * webhook that a real receiver takes; bad rules are refused naming the field, and only administrators manage them.
 * Each rule names this test's records in its condition and is retired at the end: the database is shared.
 */
class WorkflowRuleApiTest extends ApiTestSupport {

    @Autowired
    private WorkflowRules workflow;

    private final List<String> defined = new ArrayList<>();

    private String rule(String name, String eventType, String condition, String action) {
        Response created = api().post("/api/v1/workflow-rules", "{\"name\": \"" + name + "\", \"eventType\": \""
                + eventType + "\", \"condition\": " + (condition == null ? "null" : JSON.valueToTree(condition))
                + ", \"action\": " + action + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().get("id").asText();
        defined.add(id);
        return id;
    }

    private JsonNode runs(String ruleId) {
        return api().get("/api/v1/workflow-rules/" + ruleId + "/runs?size=50").body().get("content");
    }

    private void retireRules() {
        defined.forEach(id -> assertThat(api().post("/api/v1/workflow-rules/" + id + "/retire", "").status())
                .isEqualTo(200));
    }

    private static String unique(String text) {
        return text + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aBigDealEnteringNegotiationGetsATaskForTheOwnersManagerOnceAndASmallDealNone() throws Exception {
        TestUser manager = user("manager-wf", Profile.SALES_MANAGER);
        TestUser rep = user("rep-wf", Profile.SALES_REP, manager);
        String account = rep.api().post("/api/v1/accounts", "{\"legalName\": \"" + unique("Imprimerie Roux")
                + "\"}").body().get("id").asText();
        String big = deal(rep, account, 80000);
        String small = deal(rep, account, 12000);
        String ruleId = rule("Big deals in negotiation", "OpportunityStageChanged", "record.accountId == '" + account
                        + "' and record.amount > 50000 and event.stage.name == 'NEGOTIATION'",
                "{\"kind\": \"SCHEDULE_TASK\", \"assignTo\": \"OWNER_MANAGER\", \"subject\": \"Review the offer\", "
                        + "\"dueInDays\": 2}");
        String noticeId = rule("Big deals: tell the followers", "OpportunityStageChanged", "record.accountId == '"
                + account + "' and record.amount > 50000", "{\"kind\": \"NOTIFY_FOLLOWERS\", \"subject\": "
                + "\"A big deal is in negotiation\"}");
        assertThat(manager.api().put("/api/v1/follows/ACCOUNT/" + account, "").status()).isEqualTo(200);
        try {
            for (String deal : List.of(big, small)) {
                assertThat(rep.api().put("/api/v1/opportunities/" + deal + "/stage", "{\"stage\": \"NEGOTIATION\"}")
                        .status()).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> runs(ruleId).size() == 2);

            JsonNode runs = runs(ruleId);
            JsonNode done = runs.get(runs.get(0).get("recordId").asText().equals(big) ? 0 : 1);
            JsonNode skipped = runs.get(runs.get(0).get("recordId").asText().equals(big) ? 1 : 0);
            assertThat(done.get("outcome").asText()).as(runs.toString()).isEqualTo("DONE");
            assertThat(done.get("eventType").asText()).isEqualTo("OpportunityStageChanged");
            assertThat(skipped.get("recordId").asText()).isEqualTo(small);
            assertThat(skipped.get("outcome").asText()).isEqualTo("SKIPPED");
            String taskId = done.get("detail").asText().replaceAll("^Task (\\S+) scheduled for .*$", "$1");
            List<? extends DomainEventMessage<?>> task = eventsOf(taskId);
            assertThat(task).hasSize(1);
            ActivityScheduled scheduled = (ActivityScheduled) task.get(0).getPayload();
            assertThat(scheduled.assigneeId()).isEqualTo(manager.id());
            assertThat(scheduled.subject()).isEqualTo("Review the offer");
            assertThat(scheduled.links().opportunityId()).isEqualTo(big);
            assertThat(task.get(0).getMetaData().get("userId")).isEqualTo("system:workflow");
            assertThat(task.get(0).getMetaData().get("onBehalfOf")).isEqualTo("admin");
            assertThat(task.get(0).getMetaData().get("changeReason")).isEqualTo("Workflow rule Big deals in "
                    + "negotiation");
            assertThat(manager.api().get("/api/v1/activities/" + taskId).status()).isEqualTo(200);

            // the account's follower gets the other rule's message about the big deal, beside the change itself
            await().atMost(Duration.ofSeconds(20)).until(() -> runs(noticeId).size() == 2);
            JsonNode alerts = manager.api().get("/api/v1/alerts?size=50").body().get("content");
            List<JsonNode> messages = new ArrayList<>();
            alerts.forEach(alert -> {
                if (alert.get("kind").asText().equals("RULE")) {
                    messages.add(alert);
                }
            });
            assertThat(messages).hasSize(1);
            assertThat(messages.get(0).get("subject").asText()).isEqualTo("A big deal is in negotiation");
            assertThat(messages.get(0).get("followedId").asText()).isEqualTo(account);
            assertThat(messages.get(0).get("event").get("recordId").asText()).isEqualTo(big);
            assertThat(alerts.toString()).contains("\"kind\":\"CHANGE\"");

            // the same event handed to the rules again (a retry after a crash) does nothing more
            DomainEventMessage<?> stageChanged = eventsOf(big).stream()
                    .filter(event -> event.getIdentifier().equals(done.get("eventId").asText())).findFirst()
                    .orElseThrow();
            workflow.on(stageChanged.getPayload(), stageChanged,
                    new GlobalSequenceTrackingToken(done.get("position").asLong()));
            assertThat(runs(ruleId)).hasSize(2);
            assertThat(eventsOf(taskId)).hasSize(1);
        } finally {
            retireRules();
        }
    }

    @Test
    void aLeadFromAPartnerFileIsReassignedWhileARuleFailingAtRunTimeIsRecordedAndTheOthersGoOn() {
        TestUser first = user("first-wf", Profile.SALES_REP);
        TestUser partners = user("partners-wf", Profile.SALES_REP);
        String company = unique("Partenaire");
        String failing = rule("Compares a name with a number", "LeadCaptured", "event.details.company == '"
                + company + "' and event.details.company > 5", "{\"kind\": \"REASSIGN\", \"ownerId\": \""
                + first.id() + "\"}");
        String reassigning = rule("Partner leads to the partner desk", "LeadCaptured", "event.source == "
                + "'PARTNER_FILE' and event.details.company == '" + company + "'", "{\"kind\": \"REASSIGN\", "
                + "\"ownerId\": \"" + partners.id() + "\"}");
        try {
            String partnerLead = lead(company, "PARTNER_FILE", first);
            String ownLead = lead(company, "REP_ENTRY", first);
            await().atMost(Duration.ofSeconds(20)).until(() -> runs(reassigning).size() == 2
                    && runs(failing).size() == 2);

            assertThat(runs(failing)).allSatisfy(run -> {
                assertThat(run.get("outcome").asText()).isEqualTo("FAILED");
                assertThat(run.get("detail").asText()).startsWith("The condition could not be evaluated");
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> api().get("/api/v1/leads/" + partnerLead).body()
                    .get("ownerId").asText().equals(partners.id()));
            assertThat(api().get("/api/v1/leads/" + ownLead).body().get("ownerId").asText()).isEqualTo(first.id());
            DomainEventMessage<?> assigned = eventsOf(partnerLead).stream()
                    .filter(event -> event.getPayload() instanceof LeadOwnerAssigned).findFirst().orElseThrow();
            assertThat(assigned.getMetaData().get("userId")).isEqualTo("system:workflow");
            assertThat(assigned.getMetaData().get("onBehalfOf")).isEqualTo("admin");
            assertThat(runs(reassigning)).extracting(run -> run.get("outcome").asText())
                    .containsExactlyInAnyOrder("DONE", "SKIPPED");

            // an action its command refuses (a merged lead is not reassigned) is a FAILED run, and the rules go on
            // with the next events
            String refused = rule("Merged leads to the partner desk", "LeadMergedInto",
                    "event.leadId == '" + ownLead + "'", "{\"kind\": \"REASSIGN\", \"ownerId\": \""
                            + partners.id() + "\"}");
            Response merged = api().post("/api/v1/leads/" + partnerLead + "/merge", "{\"duplicateId\": \"" + ownLead
                    + "\"}");
            assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
            String later = lead(company, "PARTNER_FILE", first);
            await().atMost(Duration.ofSeconds(20)).until(() -> runs(refused).size() == 1
                    && runs(reassigning).size() == 3);
            assertThat(runs(refused).get(0).get("outcome").asText()).isEqualTo("FAILED");
            assertThat(runs(refused).get(0).get("detail").asText()).startsWith("The action was refused");
            await().atMost(Duration.ofSeconds(10)).until(() -> api().get("/api/v1/leads/" + later).body()
                    .get("ownerId").asText().equals(partners.id()));
            assertThat(api().get("/api/v1/leads/" + ownLead).body().get("ownerId").asText()).isEqualTo(first.id());
        } finally {
            retireRules();
        }
    }

    @Test
    void aRuleCallsAWebhookThatARealReceiverTakes() throws Exception {
        try (Receiver receiver = new Receiver()) {
            Response subscribed = api().post("/api/v1/webhooks", "{\"url\": \"" + receiver.url() + "\", "
                    + "\"eventTypes\": [\"OpportunityLost\"], \"secret\": \"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwJf0x"
                    + "R4nG8tA=\"}");
            assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
            String webhookId = subscribed.body().get("id").asText();
            String company = unique("Appelée");
            String ruleId = rule("Tell the ERP of its partners' leads", "LeadCaptured", "event.details.company == '"
                    + company + "'", "{\"kind\": \"CALL_WEBHOOK\", \"webhookId\": \"" + webhookId + "\"}");
            try {
                String leadId = lead(company, "PARTNER_FILE", null);
                await().atMost(Duration.ofSeconds(20)).until(() -> receiver.delivered().size() == 1);
                JsonNode delivered = receiver.delivered().get(0).json();
                assertThat(delivered.get("type").asText()).isEqualTo("LeadCaptured");
                assertThat(delivered.get("data").get("recordId").asText()).isEqualTo(leadId);
                assertThat(runs(ruleId).get(0).get("detail").asText()).isEqualTo("Queued for webhook " + webhookId);
            } finally {
                retireRules();
                api().post("/api/v1/webhooks/" + webhookId + "/retire", "");
            }
        }
    }

    @Test
    void badRulesAreRefusedNamingTheFieldAndOnlyAdministratorsManageThem() {
        String task = "{\"kind\": \"SCHEDULE_TASK\", \"assignTo\": \"OWNER\", \"subject\": \"Call\", \"dueInDays\": 1}";
        assertRefused("OpportunityStageChanged", "event.stage ==", task, "condition", "invalid-condition");
        assertRefused("OpportunityStageChanged", "record.amont > 50000", task, "condition", "unknown-field");
        assertRefused("OpportunityStageChanged", "event.stage = 'WON'", task, "condition", "invalid-condition");
        assertRefused("OpportunityStageChanged", "T(java.lang.Runtime).getRuntime().exec('touch /tmp/x') == null",
                task, "condition", "invalid-condition");
        assertRefused("OpportunityStageChanged", "record.amount", task, "condition", "invalid-condition");
        assertRefused("OpportunityStageChanged", "event.stage == 'NEGOTIATION'", task, "condition",
                "invalid-condition");
        assertRefused("OpportunityStageChangd", null, task, "eventType", "unknown-event-type");
        assertRefused("LeadCaptured", null, task, "action.kind", "not-applicable");
        assertRefused("LeadCaptured", null, "{\"kind\": \"CALL_WEBHOOK\", \"webhookId\": \"" + UUID.randomUUID()
                + "\"}", "action.webhookId", "unknown-webhook");

        String body = "{\"name\": \"Mine\", \"eventType\": \"OpportunityWon\", \"action\": " + task + "}";
        TestUser manager = user("manager-rules", Profile.SALES_MANAGER);
        assertThat(manager.api().post("/api/v1/workflow-rules", body).status()).isEqualTo(403);
        assertThat(manager.api().get("/api/v1/workflow-rules").status()).isEqualTo(403);
        String ruleId = rule("Won deals: thank the customer", "OpportunityWon", null, task);
        assertThat(manager.api().get("/api/v1/workflow-rules/" + ruleId + "/runs").status()).isEqualTo(403);

        Response changed = api().put("/api/v1/workflow-rules/" + ruleId, "{\"name\": \"Won deals\", \"eventType\": "
                + "\"OpportunityWon\", \"condition\": \"event.amount >= 1000\", \"action\": " + task + "}",
                "If-Match", "\"0\"");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.body().get("settings").get("condition").asText()).isEqualTo("event.amount >= 1000");
        assertThat(changed.body().get("authorId").asText()).isEqualTo("admin");
        retireRules();
        assertThat(api().get("/api/v1/workflow-rules/" + ruleId).body().get("status").asText()).isEqualTo("RETIRED");
        assertThat(eventsOf(ruleId)).extracting(event -> event.getPayloadType().getSimpleName())
                .containsExactly("WorkflowRuleDefined", "WorkflowRuleChanged", "WorkflowRuleRetired");
        assertThat(eventsOf(ruleId)).allMatch(event -> "admin".equals(event.getMetaData().get("userId")));
    }

    private void assertRefused(String eventType, String condition, String action, String field, String code) {
        long before = storedEvents();
        Response refused = api().post("/api/v1/workflow-rules", "{\"name\": \"Refused\", \"eventType\": \""
                + eventType + "\", \"condition\": " + (condition == null ? "null" : JSON.valueToTree(condition))
                + ", \"action\": " + action + "}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("\"" + field + "\"").contains(code);
        assertThat(storedEvents()).isEqualTo(before);
    }

    private String deal(TestUser owner, String account, int amount) {
        Response opened = owner.api().post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", \"name\": "
                + "\"Presses\", \"currency\": \"EUR\", \"amount\": " + amount + ", \"expectedCloseDate\": "
                + "\"2027-06-30\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.body().get("id").asText();
    }

    private String lead(String company, String source, TestUser owner) {
        Response created = api().post("/api/v1/leads", "{\"lastName\": \"Marchand\", \"company\": \"" + company
                + "\", \"source\": \"" + source + "\"" + (owner == null ? "" : ", \"ownerId\": \"" + owner.id()
                + "\"") + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }
}
