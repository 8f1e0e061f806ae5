package io.relais.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.activity.ActivityKind;
import io.relais.activity.ActivityLinks;
import io.relais.activity.ActivityLogged;
import io.relais.common.AuditMetadata;
import io.relais.opportunity.LossReason;
import io.relais.opportunity.OpportunityLost;
import io.relais.opportunity.OpportunityOpened;
import io.relais.opportunity.OpportunityStageChanged;
import io.relais.opportunity.OpportunityWon;
import io.relais.opportunity.SalesStage;
import io.relais.opportunity.SalesStages;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The funnel's history window, from {@code months} before {@code asOf} to it, counted at its edges: deals closed
 * the day before it starts and on its first day, in its first (partial) month and the whole months after; meetings
 * held a second before it and at its first instant, in the whole weeks and in the current one. As the deals stand,
 * the whole months and weeks are added up from totals and the rest read one by one; as of an earlier moment, from
 * the deals' versions: both count the same deals and meetings.
 */
class FunnelHistoryWindowTest extends ApiTestSupport {

    private static final int MONTHS = 2;

    @Autowired
    private EventStorageEngine storage;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private SalesStages configured;

    @Test
    void theWindowCountsTheDealsClosedAndTheMeetingsHeldFromItsFirstDayOnwards() {
        SalesStage prospecting = configured.open().get(0);
        SalesStage proposal = configured.open().get(2);
        TestUser rep = user("rep", Profile.SALES_REP);
        String account = created(rep.api().post("/api/v1/accounts", "{\"legalName\": \"Fenêtre " + UUID.randomUUID()
                .toString().substring(0, 8) + "\"}"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate from = today.minusMonths(MONTHS);
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<EventMessage<?>> events = new ArrayList<>();
        closed(events, rep, account, from.minusDays(1), true, prospecting);
        closed(events, rep, account, from.minusDays(1), false, proposal);
        closed(events, rep, account, from, false, proposal);
        closed(events, rep, account, from.with(TemporalAdjusters.lastDayOfMonth()), true, prospecting);
        closed(events, rep, account, from.with(TemporalAdjusters.firstDayOfNextMonth()), false, prospecting);
        closed(events, rep, account, today, true, prospecting);
        logged(events, rep, account, ActivityKind.MEETING, start.minusSeconds(1));
        logged(events, rep, account, ActivityKind.MEETING, start);
        logged(events, rep, account, ActivityKind.MEETING, start.plus(Duration.ofDays(10)));
        logged(events, rep, account, ActivityKind.CALL, start.plus(Duration.ofDays(10)));
        logged(events, rep, account, ActivityKind.MEETING, start.plus(Duration.ofDays(30)));
        logged(events, rep, account, ActivityKind.MEETING, Instant.now().minus(Duration.ofHours(1)));
        new TransactionTemplate(transactions).executeWithoutResult(status -> storage.appendEvents(events));
        awaitSettled();
        String funnel = "/api/v1/forecasts/" + rep.id() + "/funnel?period=" + today.getYear() + "&months=" + MONTHS;

        JsonNode asTheyStand = rep.api().get(funnel).body();

        assertThat(asTheyStand.get("historyFrom").asText()).isEqualTo(from.toString());
        assertThat(asTheyStand.get("meetings").get("held").asInt()).isEqualTo(4);
        JsonNode stages = asTheyStand.get("stages");
        assertThat(stages.get(0).get("reached").asInt()).isEqualTo(4);
        assertThat(stages.get(1).get("reached").asInt()).isEqualTo(3);
        assertThat(stages.get(2).get("reached").asInt()).isEqualTo(3);
        assertThat(stages.get(3).get("reached").asInt()).isEqualTo(2);
        assertThat(stages.get(0).get("won").asInt()).isEqualTo(2);

        String asOf = asTheyStand.get("asOf").asText();
        assertThat(rep.api().post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", \"name\": \"Après\", "
                + "\"currency\": \"EUR\", \"expectedCloseDate\": \"" + today + "\"}").status()).isEqualTo(201);
        awaitSettled();
        JsonNode fromTheVersions = rep.api().get(funnel + "&asOf=" + asOf).body();
        assertThat(fromTheVersions.get("stages")).isEqualTo(stages);
        assertThat(fromTheVersions.get("meetings")).isEqualTo(asTheyStand.get("meetings"));
    }

    /**
     * A deal opened ten days before it closed on {@code closedOn} (in the morning, or a second ago today), moved to
     * {@code furthest} unless there already.
     */
    private void closed(List<EventMessage<?>> events, TestUser owner, String account, LocalDate closedOn,
                        boolean won, SalesStage furthest) {
        SalesStage prospecting = configured.open().get(0);
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now().minusSeconds(1);
        Instant morning = closedOn.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(9));
        Instant closing = morning.isAfter(now) ? now : morning;
        Instant opening = closing.minus(Duration.ofDays(10));
        BigDecimal amount = new BigDecimal("1000");
        List<Object> changes = new ArrayList<>();
        changes.add(new OpportunityOpened(id, account, "Contrat", owner.id(), null, null, "EUR", amount, closedOn,
                "STANDARD", prospecting));
        if (!furthest.equals(prospecting)) {
            changes.add(new OpportunityStageChanged(id, prospecting, furthest));
        }
        changes.add(won ? new OpportunityWon(id, account, owner.id(), "EUR", amount, closedOn, furthest)
                : new OpportunityLost(id, LossReason.PRICE, null, closedOn, furthest));
        for (int sequence = 0; sequence < changes.size(); sequence++) {
            events.add(event("Opportunity", id, sequence, changes.get(sequence), owner,
                    sequence == 0 ? opening : closing));
        }
    }

    private static void logged(List<EventMessage<?>> events, TestUser owner, String account, ActivityKind kind,
                               Instant at) {
        String id = UUID.randomUUID().toString();
        events.add(event("Activity", id, 0, new ActivityLogged(id, kind, "Rendez-vous", null,
                new ActivityLinks(account, null, null), at, owner.id()), owner, at));
    }

    private static EventMessage<?> event(String type, String id, long sequence, Object payload, TestUser owner,
                                         Instant at) {
        return new GenericDomainEventMessage<>(type, id, sequence, payload, MetaData.with(AuditMetadata.USER_ID,
                owner.id()), UUID.randomUUID().toString(), at);
    }
}
