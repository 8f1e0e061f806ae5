package io.relais.dashboard;

import io.relais.activity.ActivityProjection;
import io.relais.opportunity.OpportunityProjection;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi.Response;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deals' and activities' totals (deal_total, open_deal_total, closed_deal_total, activity_done_week) equal the
 * grouping of the rows they add up (amounts compared as money: a total that went to zero through 500.00 − 500.00
 * reads 0.00, one of deals without an amount 0, which are the same total), written here independently of the
 * projection, whatever moved the rows: stage, amount, close date and owner changes, closing and reopening, line
 * items, completions, many segments writing the same totals at once, and a rebuild from zero.
 */
class RunningTotalsTest extends ApiTestSupport {

    private static final String DEALS_GROUPED = "select owner_id, status, stage, probability, forecast_category, "
            + "currency, date_trunc('month', case when status = 'OPEN' then expected_close_date else closed_on end)::date, "
            + "count(*), round(coalesce(sum(amount), 0), 2), count(amount), round(coalesce(sum(margin), 0), 2), "
            + "count(margin), coalesce(sum(closed_on - (created_at at time zone 'UTC')::date), 0) from opportunity_view "
            + "group by 1, 2, 3, 4, 5, 6, 7";
    private static final String DEAL_TOTALS = "select owner_id, status, stage, probability, forecast_category, "
            + "currency, month, deals, round(amount, 2), with_amount, round(margin, 2), with_margin, cycle_days "
            + "from deal_total";
    private static final String OPEN_GROUPED = "select owner_id, stage, probability, forecast_category, currency, "
            + "count(*), round(coalesce(sum(amount), 0), 2), sum((primary_contact_id is not null)::int "
            + "+ (amount is not null)::int + (line_items <> '[]')::int + (margin is not null)::int) "
            + "from opportunity_view where status = 'OPEN' group by 1, 2, 3, 4, 5";
    private static final String OPEN_TOTALS = "select owner_id, stage, probability, forecast_category, currency, deals, "
            + "round(amount, 2), fields_filled from open_deal_total";
    private static final String CLOSED_GROUPED = "select owner_id, status, currency, date_trunc('month', closed_on)::date, "
            + "array_to_string(stages_visited, ','), count(*), round(coalesce(sum(amount), 0), 2), count(amount) "
            + "from opportunity_view where status in ('WON', 'LOST') group by 1, 2, 3, 4, 5";
    private static final String CLOSED_TOTALS = "select owner_id, status, currency, month, stages_visited, deals, "
            + "round(amount, 2), with_amount from closed_deal_total";
    private static final String ACTIVITIES_GROUPED = "select owner_id, kind, date_trunc('week', coalesce(completed_at, "
            + "occurred_at) at time zone 'UTC')::date, count(*) from activity_view where status = 'DONE' group by 1, 2, 3";
    private static final String ACTIVITY_TOTALS = "select owner_id, kind, week, activities from activity_done_week";

    @Test
    void theTotalsAreTheGroupingOfTheRowsWhateverMovedThemAndAfterARebuild() throws Exception {
        TestUser rep = user("rep", Profile.SALES_REP);
        TestUser other = user("rep", Profile.SALES_REP);
        String account = created(rep.api().post("/api/v1/accounts", "{\"legalName\": \"Totaux " + unique() + "\"}"));
        Response added = rep.api().post("/api/v1/accounts/" + account + "/contacts",
                "{\"firstName\": \"Anne\", \"lastName\": \"Morel\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String contact = added.header("Location").replaceAll(".*/", "");
        String product = created(api().post("/api/v1/products", "{\"code\": \"T-" + unique() + "\", \"name\": "
                + "\"Licence\", \"kind\": \"PRODUCT\", \"unit\": \"pièce\"}"));
        ok(api().post("/api/v1/products/" + product + "/prices", "{\"currency\": \"EUR\", \"unitPrice\": 120, "
                + "\"validFrom\": \"2020-01-01\"}"));

        String moved = deal(rep, account, "EUR", "1000", "2030-01-15");
        ok(rep.api().put("/api/v1/opportunities/" + moved + "/stage", "{\"stage\": \"PROPOSAL\"}"));
        ok(rep.api().put("/api/v1/opportunities/" + moved + "/amount", "{\"amount\": 1500}"));
        ok(rep.api().put("/api/v1/opportunities/" + moved + "/close-date", "{\"expectedCloseDate\": \"2030-03-02\"}"));
        ok(rep.api().put("/api/v1/opportunities/" + moved + "/details", "{\"name\": \"Contrat cadre\", "
                + "\"primaryContactId\": \"" + contact + "\"}"));
        ok(api().put("/api/v1/opportunities/" + moved + "/owner", "{\"ownerId\": \"" + other.id() + "\"}"));
        String withLines = deal(rep, account, "EUR", null, "2030-01-20");
        ok(rep.api().post("/api/v1/opportunities/" + withLines + "/line-items", "{\"productId\": \"" + product
                + "\", \"quantity\": 3, \"unitCost\": 70}"));
        String won = deal(rep, account, "USD", "800", "2030-01-10");
        ok(rep.api().post("/api/v1/opportunities/" + won + "/close-won", null));
        String reopened = deal(rep, account, "EUR", "300", "2030-02-01");
        ok(rep.api().post("/api/v1/opportunities/" + reopened + "/close-lost", "{\"reason\": \"PRICE\"}"));
        ok(rep.api().post("/api/v1/opportunities/" + reopened + "/reopen", "{\"stage\": \"QUALIFICATION\"}"));
        String lost = deal(rep, account, "EUR", "450", "2030-01-12");
        ok(rep.api().put("/api/v1/opportunities/" + lost + "/stage", "{\"stage\": \"PROPOSAL\"}"));
        ok(rep.api().post("/api/v1/opportunities/" + lost + "/close-lost", "{\"reason\": \"COMPETITOR\"}"));
        concurrently(8, () -> deal(rep, account, "EUR", "250", "2030-01-31"));

        created(api().post("/api/v1/activities/log", "{\"kind\": \"CALL\", \"subject\": \"Relance\", "
                + "\"opportunityId\": \"" + moved + "\", \"occurredAt\": \"" + Instant.now().minus(20, ChronoUnit.DAYS)
                + "\"}"));
        String task = created(rep.api().post("/api/v1/activities/schedule", "{\"kind\": \"TASK\", \"subject\": "
                + "\"Devis\", \"accountId\": \"" + account + "\", \"dueAt\": \"" + Instant.now().plus(1, ChronoUnit.DAYS)
                + "\"}"));
        ok(rep.api().post("/api/v1/activities/" + task + "/complete", "{\"outcome\": \"Envoyé\"}"));
        String cancelled = created(rep.api().post("/api/v1/activities/schedule", "{\"kind\": \"MEETING\", "
                + "\"subject\": \"Visite\", \"accountId\": \"" + account + "\", \"dueAt\": \""
                + Instant.now().plus(2, ChronoUnit.DAYS) + "\"}"));
        ok(rep.api().post("/api/v1/activities/" + cancelled + "/cancel", null));
        concurrently(8, () -> created(rep.api().post("/api/v1/activities/log", "{\"kind\": \"EMAIL\", \"subject\": "
                + "\"Suivi\", \"accountId\": \"" + account + "\"}")));
        awaitSettled();

        List<String> deals = rows(DEAL_TOTALS, 13);
        List<String> open = rows(OPEN_TOTALS, 8);
        List<String> closed = rows(CLOSED_TOTALS, 8);
        List<String> activities = rows(ACTIVITY_TOTALS, 4);
        assertThat(deals).isEqualTo(rows(DEALS_GROUPED, 13)).anyMatch(row -> row.startsWith(other.id() + "|OPEN|PROPOSAL"));
        assertThat(open).isEqualTo(rows(OPEN_GROUPED, 8)).anyMatch(row -> row.startsWith(other.id() + "|PROPOSAL|"));
        assertThat(closed).isEqualTo(rows(CLOSED_GROUPED, 8)).anyMatch(row -> row.contains("|WON|"))
                .anyMatch(row -> row.contains("|LOST|EUR|") && row.contains("PROPOSAL,CLOSED_LOST|"));
        assertThat(activities).isEqualTo(rows(ACTIVITIES_GROUPED, 4)).anyMatch(row -> row.contains("|EMAIL|"));
        for (String totals : List.of("deal_total", "open_deal_total", "closed_deal_total")) {
            assertThat(jdbc.queryForObject("select count(*) from " + totals + " where deals = 0", Integer.class))
                    .as(totals).isZero();
        }

        List<StreamingEventProcessor> processors = List.of(processor(OpportunityProjection.PROCESSING_GROUP),
                processor(ActivityProjection.PROCESSING_GROUP));
        processors.forEach(StreamingEventProcessor::shutDown);
        processors.forEach(StreamingEventProcessor::resetTokens);
        processors.forEach(StreamingEventProcessor::start);
        processors.forEach(this::awaitCaughtUp);

        assertThat(rows(DEAL_TOTALS, 13)).isEqualTo(deals);
        assertThat(rows(OPEN_TOTALS, 8)).isEqualTo(open);
        assertThat(rows(CLOSED_TOTALS, 8)).isEqualTo(closed);
        assertThat(rows(ACTIVITY_TOTALS, 4)).isEqualTo(activities);
    }

    /** The rows a query answers, each as its columns' text joined by {@code |}, in a stable order. */
    private List<String> rows(String query, int columns) {
        String joined = IntStream.rangeClosed(1, columns).mapToObj(i -> "coalesce(c" + i + "::text, '-')")
                .collect(Collectors.joining(" || '|' || "));
        String names = IntStream.rangeClosed(1, columns).mapToObj(i -> "c" + i).collect(Collectors.joining(", "));
        return jdbc.queryForList("select " + joined + " from (" + query + ") r (" + names + ") order by 1",
                String.class);
    }

    private static String deal(TestUser owner, String account, String currency, String amount, String closing) {
        return created(owner.api().post("/api/v1/opportunities", "{\"accountId\": \"" + account + "\", \"name\": "
                + "\"Contrat\", \"currency\": \"" + currency + "\"" + (amount == null ? "" : ", \"amount\": " + amount)
                + ", \"expectedCloseDate\": \"" + closing + "\"}"));
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
