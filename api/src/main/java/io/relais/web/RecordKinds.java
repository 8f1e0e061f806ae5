package io.relais.web;

import io.relais.account.AccountView;
import io.relais.account.FindAccount;
import io.relais.account.FindAccountAsOf;
import io.relais.activity.ActivityView;
import io.relais.activity.FindActivity;
import io.relais.activity.FindActivityAsOf;
import io.relais.catalogue.FindProduct;
import io.relais.catalogue.FindProductAsOf;
import io.relais.catalogue.ProductView;
import io.relais.forecast.CurrencyRates;
import io.relais.forecast.FindCurrencyRates;
import io.relais.lead.FindLead;
import io.relais.lead.FindLeadAsOf;
import io.relais.lead.LeadView;
import io.relais.opportunity.FindOpportunity;
import io.relais.opportunity.FindOpportunityAsOf;
import io.relais.opportunity.OpportunityView;
import io.relais.organisation.FindUser;
import io.relais.organisation.FindUserAsOf;
import io.relais.organisation.UserView;
import io.relais.webform.FindWebForm;
import io.relais.webform.FindWebFormAsOf;
import io.relais.webform.WebFormView;
import io.relais.webhook.FindWebhook;
import io.relais.webhook.FindWebhookAsOf;
import io.relais.webhook.WebhookView;
import io.relais.workflow.FindWorkflowRule;
import io.relais.workflow.FindWorkflowRuleAsOf;
import io.relais.workflow.WorkflowRuleView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kinds of record the API reads and writes through the write pipeline, one {@link RecordEndpoint} each: a
 * controller (or a process such as the lead conversion) injects the endpoints of the kinds it serves.
 */
@Configuration(proxyBeanMethods = false)
class RecordKinds {

    @Bean
    RecordEndpoint<LeadView> leadsEndpoint(RecordEndpoints endpoints) {
        return endpoints.of("Lead", "/api/v1/leads/", FindLead::new, FindLeadAsOf::new, LeadView.class, LeadView::version);
    }

    @Bean
    RecordEndpoint<AccountView> accountsEndpoint(RecordEndpoints endpoints) {
        return endpoints.of("Account", "/api/v1/accounts/", FindAccount::new, FindAccountAsOf::new,
                AccountView.class, AccountView::version);
    }

    @Bean
    RecordEndpoint<OpportunityView> opportunitiesEndpoint(RecordEndpoints endpoints) {
        return endpoints.of("Opportunity", "/api/v1/opportunities/", FindOpportunity::new,
                FindOpportunityAsOf::new, OpportunityView.class,
                OpportunityView::version);
    }

    @Bean
    RecordEndpoint<ActivityView> activitiesEndpoint(RecordEndpoints endpoints) {
        return endpoints.of("Activity", "/api/v1/activities/", FindActivity::new, FindActivityAsOf::new,
                ActivityView.class, ActivityView::version);
    }

    @Bean
    RecordEndpoint<ProductView> productsEndpoint(RecordEndpoints endpoints) {
        return endpoints.of("Product", "/api/v1/products/", (id, viewer) -> new FindProduct(id),
                FindProductAsOf::new, ProductView.class, ProductView::version);
    }

    @Bean
    RecordEndpoint<UserView> usersEndpoint(RecordEndpoints endpoints) {
        return endpoints.of("User", "/api/v1/users/", (id, viewer) -> new FindUser(id), FindUserAsOf::new,
                UserView.class, UserView::version);
    }

    @Bean
    RecordEndpoint<WebFormView> webFormsEndpoint(RecordEndpoints endpoints) {
        return endpoints.of("Web form", "/api/v1/web-forms/", (id, viewer) -> new FindWebForm(id),
                FindWebFormAsOf::new, WebFormView.class, WebFormView::version);
    }

    @Bean
    RecordEndpoint<WebhookView> webhooksEndpoint(RecordEndpoints endpoints) {
        return endpoints.of("Webhook", "/api/v1/webhooks/", (id, viewer) -> new FindWebhook(id),
                FindWebhookAsOf::new, WebhookView.class, WebhookView::version);
    }

    @Bean
    RecordEndpoint<WorkflowRuleView> workflowRulesEndpoint(RecordEndpoints endpoints) {
        return endpoints.of("Workflow rule", "/api/v1/workflow-rules/", (id, viewer) -> new FindWorkflowRule(id),
                FindWorkflowRuleAsOf::new, WorkflowRuleView.class, WorkflowRuleView::version);
    }

    @Bean
    RecordEndpoint<CurrencyRates> exchangeRatesEndpoint(RecordEndpoints endpoints) {
        return endpoints.of("Exchange rates", "/api/v1/exchange-rates/",
                (currency, viewer) -> new FindCurrencyRates(currency), CurrencyRates.class, CurrencyRates::version);
    }
}
