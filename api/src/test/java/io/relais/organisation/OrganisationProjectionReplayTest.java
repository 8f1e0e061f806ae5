package io.relais.organisation;

import io.relais.support.ApiTestSupport;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The organisation read model rebuilt from zero gives exactly the rows it had. */
class OrganisationProjectionReplayTest extends ApiTestSupport {

    private static final List<String> TABLES = List.of(
            "select * from org_user order by id",
            "select * from territory order by id",
            "select * from territory_rule order by territory_id, rule_id",
            "select * from territory_member order by territory_id, user_id",
            "select * from organisation_state");

    @Test
    void replayingTheOrganisationProjectionFromZeroGivesTheSameRows() {
        TestUser director = user("director", Profile.SALES_MANAGER);
        TestUser manager = user("manager", Profile.SALES_MANAGER, director);
        TestUser rep = user("rep", Profile.SALES_REP, manager);
        TestUser leaver = user("leaver", Profile.SALES_REP, manager);
        assertThat(api().put("/api/v1/users/" + manager.id() + "/manager", "{\"managerId\": null}").status())
                .isEqualTo(200);
        assertThat(api().put("/api/v1/users/" + rep.id() + "/profile", "{\"profile\": \"SALES_MANAGER\"}").status())
                .isEqualTo(200);
        String territory = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().post("/api/v1/territories", "{\"territoryId\": \"" + territory + "\", \"name\": \"Rejeu\"}")
                .status()).isEqualTo(201);
        api().post("/api/v1/territories/" + territory + "/rules", "{\"ruleId\": \"a\", \"priority\": 5, "
                + "\"country\": \"FR\", \"postalCodePrefix\": \"44\", \"companySize\": \"SMALL\"}");
        api().post("/api/v1/territories/" + territory + "/rules", "{\"ruleId\": \"b\", \"priority\": 1, "
                + "\"nafCodePrefix\": \"62.0\"}");
        api().delete("/api/v1/territories/" + territory + "/rules/b");
        api().put("/api/v1/territories/" + territory + "/members/" + rep.id(), null);
        api().put("/api/v1/territories/" + territory + "/members/" + leaver.id(), null);
        assertThat(api().post("/api/v1/users/" + leaver.id() + "/deactivate", "{}").status()).isEqualTo(200);
        StreamingEventProcessor processor = processor("organisation");
        awaitCaughtUp(processor);
        List<List<Map<String, Object>>> before = tables();
        assertThat(before.get(3)).extracting(row -> row.get("user_id")).contains(rep.id()).doesNotContain(leaver.id());

        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.queryForObject("select count(*) from org_user", Long.class)).isZero();
        processor.start();
        awaitCaughtUp(processor);

        assertThat(tables()).isEqualTo(before);
    }

    private List<List<Map<String, Object>>> tables() {
        return TABLES.stream().map(jdbc::queryForList).toList();
    }
}
