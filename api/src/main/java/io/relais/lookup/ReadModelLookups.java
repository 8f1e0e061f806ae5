package io.relais.lookup;

import io.relais.account.AccountRecords;
import io.relais.account.AccountView;
import io.relais.account.ContactView;
import io.relais.account.FindAccount;
import io.relais.account.FindContact;
import io.relais.account.OtherAccounts;
import io.relais.activity.FindActivityIdsOfAccount;
import io.relais.catalogue.FindProduct;
import io.relais.catalogue.FindProductPrice;
import io.relais.catalogue.ProductPrice;
import io.relais.catalogue.ProductView;
import io.relais.lead.FindLead;
import io.relais.lead.LeadStatus;
import io.relais.lead.LeadView;
import io.relais.lead.OtherLeads;
import io.relais.opportunity.FindOpportunityIdsOfAccount;
import io.relais.opportunity.ProductCatalogue;
import io.relais.organisation.Viewer;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the command side looks up of other records (a merge's survivor, a deal's account, the catalogue, an
 * account's deals and activities), answered from the read models: a moment behind the event store at most.
 */
@Component
class ReadModelLookups implements OtherAccounts, OtherLeads, ProductCatalogue, AccountRecords {

    private final QueryGateway queries;

    ReadModelLookups(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public Optional<Standing> standing(String accountId) {
        return one(new FindAccount(accountId, Viewer.system()), AccountView.class)
                .map(account -> new Standing(account.status(), account.erpId()));
    }

    @Override
    public Optional<LeadStatus> status(String leadId) {
        return one(new FindLead(leadId, Viewer.system()), LeadView.class).map(LeadView::status);
    }

    @Override
    public Optional<ProductView> product(String productId) {
        return one(new FindProduct(productId), ProductView.class);
    }

    @Override
    public Optional<ProductPrice> price(String productId, String priceList, String currency, LocalDate day) {
        return one(new FindProductPrice(productId, priceList, currency, day), ProductPrice.class);
    }

    @Override
    public List<String> opportunitiesOf(String accountId) {
        return ids(new FindOpportunityIdsOfAccount(accountId));
    }

    @Override
    public List<String> activitiesOf(String accountId) {
        return ids(new FindActivityIdsOfAccount(accountId));
    }

    @Override
    public Optional<String> accountOfContact(String contactId) {
        return one(new FindContact(contactId, Viewer.system()), ContactView.class).map(ContactView::accountId);
    }

    private <T> Optional<T> one(Object query, Class<T> type) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(type)).join();
    }

    private List<String> ids(Object query) {
        return queries.query(query, ResponseTypes.multipleInstancesOf(String.class)).join();
    }
}
