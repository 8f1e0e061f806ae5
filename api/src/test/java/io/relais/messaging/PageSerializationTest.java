package io.relais.messaging;

import io.relais.account.AccountPage;
import io.relais.activity.ActivityPage;
import io.relais.alert.AlertPage;
import io.relais.alert.FollowPage;
import io.relais.catalogue.ProductPage;
import io.relais.common.Page;
import io.relais.duplicate.DuplicatePairPage;
import io.relais.eventstore.EventStoreConfiguration;
import io.relais.forecast.ExchangeRatePage;
import io.relais.forecast.SalesTargetPage;
import io.relais.lead.LeadHistoryPage;
import io.relais.lead.LeadPage;
import io.relais.opportunity.OpportunityPage;
import io.relais.organisation.TerritoryPage;
import io.relais.organisation.UserPage;
import io.relais.timeline.TimelinePage;
import io.relais.workflow.WorkflowRulePage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page, a query response, crosses Axon Server as the engine serialises it: it comes back equal, and its
 * derived totalPages is written but not read back.
 */
class PageSerializationTest {

    private final Serializer serializer = new EventStoreConfiguration().serializer();

    @Test
    void everyPageComesBackAsItWasSent() {
        List<Page<?>> pages = List.of(new LeadPage(List.of(), 2, 20, 41), new LeadHistoryPage(List.of(), 2, 20, 41),
                new AccountPage(List.of(), 2, 20, 41), new OpportunityPage(List.of(), 2, 20, 41),
                new ActivityPage(List.of(), 2, 20, 41), new AlertPage(List.of(), 2, 20, 41),
                new FollowPage(List.of(), 2, 20, 41),
                new TerritoryPage(List.of(), 2, 20, 41), new UserPage(List.of(), 2, 20, 41),
                new TimelinePage(List.of(), 2, 20, 41), new DuplicatePairPage(List.of(), 2, 20, 41),
                new ProductPage(List.of(), 2, 20, 41), new ExchangeRatePage(List.of(), 2, 20, 41),
                new SalesTargetPage(List.of(), 2, 20, 41), new WorkflowRulePage(List.of(), 2, 20, 41));

        for (Page<?> page : pages) {
            SerializedObject<String> json = serializer.serialize(page, String.class);

            assertThat(json.getData()).as(page.getClass().getSimpleName())
                    .isEqualTo("{\"content\":[],\"page\":2,\"size\":20,\"totalElements\":41,\"totalPages\":3}");
            assertThat((Object) serializer.deserialize(json)).isEqualTo(page);
        }
    }
}
