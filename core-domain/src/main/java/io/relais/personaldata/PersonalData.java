package io.relais.personaldata;

import io.relais.account.AccountCreated;
import io.relais.account.AccountDetails;
import io.relais.account.AccountDetailsUpdated;
import io.relais.account.AccountDuplicateDismissed;
import io.relais.account.AccountFilledFromRegister;
import io.relais.account.AccountLinkedToErp;
import io.relais.account.AccountMergedInto;
import io.relais.account.AccountOwnerAssigned;
import io.relais.account.AccountPromotedToCustomer;
import io.relais.account.AccountSyncedFromErp;
import io.relais.account.Address;
import io.relais.account.ContactAdded;
import io.relais.account.ContactDetails;
import io.relais.account.ContactLink;
import io.relais.account.ContactMovedIn;
import io.relais.account.ContactMovedOut;
import io.relais.account.ContactPersonalDataErased;
import io.relais.account.ContactTransfer;
import io.relais.account.ContactUpdated;
import io.relais.account.ContactsLinked;
import io.relais.account.LeadConvertedIntoAccount;
import io.relais.account.MergedAccountAbsorbed;
import io.relais.activity.ActivityCancelled;
import io.relais.activity.ActivityCompleted;
import io.relais.activity.ActivityLinks;
import io.relais.activity.ActivityLogged;
import io.relais.activity.ActivityOverdue;
import io.relais.activity.ActivityReassigned;
import io.relais.activity.ActivityReminderDue;
import io.relais.activity.ActivityRescheduled;
import io.relais.activity.ActivityScheduled;
import io.relais.activity.ActivityTransferred;
import io.relais.catalogue.ProductCreated;
import io.relais.catalogue.ProductDetails;
import io.relais.catalogue.ProductDiscontinued;
import io.relais.catalogue.ProductPrice;
import io.relais.catalogue.ProductPriceAdded;
import io.relais.catalogue.ProductPriceRetired;
import io.relais.catalogue.ProductUpdated;
import io.relais.export.ListExported;
import io.relais.forecast.ExchangeRateSet;
import io.relais.forecast.SalesTargetSet;
import io.relais.imports.ImportCounts;
import io.relais.imports.ImportFinished;
import io.relais.imports.ImportStarted;
import io.relais.lead.ConvertedLeadTransferred;
import io.relais.lead.LeadCaptured;
import io.relais.lead.LeadConsentWithdrawn;
import io.relais.lead.LeadConverted;
import io.relais.lead.LeadDetails;
import io.relais.lead.LeadDetailsUpdated;
import io.relais.lead.LeadDisqualified;
import io.relais.lead.LeadDuplicateDismissed;
import io.relais.lead.LeadMergedInto;
import io.relais.lead.LeadOwnerAssigned;
import io.relais.lead.LeadPersonalDataErased;
import io.relais.lead.LeadQualified;
import io.relais.lead.LeadReopened;
import io.relais.lead.LeadWorkStarted;
import io.relais.lead.MergedLeadAbsorbed;
import io.relais.opportunity.LineItem;
import io.relais.opportunity.OpportunityAmountChanged;
import io.relais.opportunity.OpportunityCloseDateChanged;
import io.relais.opportunity.OpportunityDetailsUpdated;
import io.relais.opportunity.OpportunityLineItemAdded;
import io.relais.opportunity.OpportunityLineItemRemoved;
import io.relais.opportunity.OpportunityLost;
import io.relais.opportunity.OpportunityOpened;
import io.relais.opportunity.OpportunityOwnerAssigned;
import io.relais.opportunity.OpportunityReopened;
import io.relais.opportunity.OpportunityStageChanged;
import io.relais.opportunity.OpportunityTransferred;
import io.relais.opportunity.OpportunityWon;
import io.relais.opportunity.SalesStage;
import io.relais.organisation.DeadLetterEvicted;
import io.relais.organisation.DefaultLeadOwnerChanged;
import io.relais.organisation.LeadRouted;
import io.relais.organisation.LeadRoutedToDefault;
import io.relais.organisation.OrganisationFounded;
import io.relais.organisation.RecordsReassignmentRequested;
import io.relais.organisation.TerritoryCreated;
import io.relais.organisation.TerritoryCriteria;
import io.relais.organisation.TerritoryMemberAdded;
import io.relais.organisation.TerritoryMemberRemoved;
import io.relais.organisation.TerritoryRuleAdded;
import io.relais.organisation.TerritoryRuleRemoved;
import io.relais.organisation.UserDeactivated;
import io.relais.organisation.UserMoved;
import io.relais.organisation.UserProfileChanged;
import io.relais.organisation.UserReactivated;
import io.relais.organisation.UserRegistered;
import io.relais.webform.WebFormChanged;
import io.relais.webform.WebFormRegistered;
import io.relais.webform.WebFormRetired;
import io.relais.webform.WebFormSettings;
import io.relais.webhook.WebhookChanged;
import io.relais.webhook.WebhookRegistered;
import io.relais.webhook.WebhookResumed;
import io.relais.webhook.WebhookRetired;
import io.relais.webhook.WebhookSecretRotated;
import io.relais.webhook.WebhookSettings;
import io.relais.webhook.WebhookSuspended;
import io.relais.workflow.WorkflowAction;
import io.relais.workflow.WorkflowRuleChanged;
import io.relais.workflow.WorkflowRuleDefined;
import io.relais.workflow.WorkflowRuleRetired;
import io.relais.workflow.WorkflowRuleSettings;

import static io.relais.personaldata.DataSubjectKind.CONTACT;
import static io.relais.personaldata.DataSubjectKind.LEAD;

/**
 * Relais's classification of personal data, field by field, for every event it stores (ADR 013). A new event
 * or field is refused by {@code PersonalDataClassificationTest} until it is classified here.
 *
 * <p>A lead is a person at a company: their name, e-mail, phone, job title, notes about them, the consent they
 * gave and the note of a disqualification are theirs; the company, its web site, its place (used for routing)
 * and its size are not. Everything about a contact is theirs. An activity about a contact (logged or planned
 * with one) holds the contact's data in its subject, notes and outcome. Companies, deals, products, prices,
 * targets and territories hold none. The names and e-mails of the engine's own users are kept with the record
 * of who did what.
 */
public final class PersonalData {

    /** The record kind under which an activity is registered as being about a contact. */
    public static final String ACTIVITY = "ACTIVITY";

    public static final PersonalDataCatalogue CATALOGUE = PersonalDataCatalogue.builder()
            // leads
            .type(LeadDetails.class, fields -> fields
                    .personal("firstName", "lastName", "email", "phone", "jobTitle", "notes")
                    .plain("company", "website", "postalCode", "city", "country", "nafCode", "companySize"))
            .event(LeadCaptured.class, fields -> fields.subject(LEAD, "leadId")
                    .nested("details").personal("consent").plain("source", "sourceDetail", "ownerId"))
            .event(LeadDetailsUpdated.class, fields -> fields.subject(LEAD, "leadId")
                    .nested("details").changes("changes", LeadDetails.class))
            .event(LeadConsentWithdrawn.class, fields -> fields.subject(LEAD, "leadId")
                    .personal("consent", "previousConsent"))
            .event(LeadDisqualified.class, fields -> fields.subject(LEAD, "leadId")
                    .plain("reason", "previousStatus").personal("note"))
            .event(LeadMergedInto.class, fields -> fields.subject(LEAD, "leadId")
                    .nested("details").plain("survivorId", "previousStatus"))
            .event(LeadConverted.class, fields -> fields
                    .plain("leadId", "accountId", "contactId", "previousStatus"))
            .event(LeadDuplicateDismissed.class, fields -> fields.plain("leadId", "otherLeadId"))
            .event(LeadOwnerAssigned.class, fields -> fields
                    .plain("leadId", "ownerId", "previousOwnerId", "territoryId", "ruleId"))
            .event(LeadQualified.class, fields -> fields.plain("leadId", "previousStatus"))
            .event(LeadReopened.class, fields -> fields.plain("leadId", "previousStatus"))
            .event(LeadWorkStarted.class, fields -> fields.plain("leadId"))
            .event(MergedLeadAbsorbed.class, fields -> fields.plain("leadId", "mergedId"))
            .event(ConvertedLeadTransferred.class, fields -> fields.plain("leadId", "accountId", "previousAccountId"))
            .type(ErasureRequest.class, fields -> fields.plain("reason", "requestReference"))
            .event(LeadPersonalDataErased.class, fields -> fields
                    .plain("leadId", "convertedAccountId", "convertedContactId").nested("request"))
            // accounts and their contacts
            .type(Address.class, fields -> fields.plain("street", "postalCode", "city", "country"))
            .type(AccountDetails.class, fields -> fields
                    .plain("legalName", "tradeName", "phone", "website", "siren", "siret", "nafCode", "headcount",
                            "annualRevenue", "ownershipNotes", "paymentTerms", "creditLimit", "purchaseVolume",
                            "ourShare", "businessTarget")
                    .nested("billingAddress", "deliveryAddress"))
            .type(ContactDetails.class, fields -> fields.personal("firstName", "lastName", "jobTitle", "emails",
                    "phones", "relationshipOrigin", "decisionRole", "notes"))
            .type(ContactLink.class, fields -> fields.plain("linkedContactId", "kind"))
            .type(ContactTransfer.class, fields -> fields.subject(CONTACT, "contactId")
                    .nested("details", "links").plain("leadId"))
            .event(AccountCreated.class, fields -> fields.plain("accountId", "ownerId").nested("details"))
            .event(AccountDetailsUpdated.class, fields -> fields.plain("accountId").nested("details")
                    .changes("changes", AccountDetails.class))
            .event(AccountSyncedFromErp.class, fields -> fields.plain("accountId").nested("details")
                    .changes("changes", AccountDetails.class))
            .event(AccountFilledFromRegister.class, fields -> fields.plain("accountId", "register", "siret")
                    .nested("details").changes("changes", AccountDetails.class))
            .event(AccountDuplicateDismissed.class, fields -> fields.plain("accountId", "otherAccountId"))
            .event(AccountLinkedToErp.class, fields -> fields.plain("accountId", "erpId"))
            .event(AccountMergedInto.class, fields -> fields
                    .plain("accountId", "survivorId", "convertedLeadIds", "status", "erpId")
                    .nested("contacts", "details"))
            .event(AccountOwnerAssigned.class, fields -> fields.plain("accountId", "ownerId", "previousOwnerId"))
            .event(AccountPromotedToCustomer.class, fields -> fields.plain("accountId"))
            .event(ContactAdded.class, fields -> fields.subject(CONTACT, "contactId")
                    .plain("accountId", "leadId").nested("details"))
            .event(ContactUpdated.class, fields -> fields.subject(CONTACT, "contactId")
                    .plain("accountId").nested("details").changes("changes", ContactDetails.class))
            .event(ContactMovedIn.class, fields -> fields.plain("accountId", "fromAccountId").nested("contact"))
            .event(ContactMovedOut.class, fields -> fields.plain("accountId", "toAccountId").nested("contact"))
            .event(ContactPersonalDataErased.class, fields -> fields.plain("accountId", "contactId", "leadId")
                    .nested("request"))
            .event(ContactsLinked.class, fields -> fields.plain("accountId", "contactId", "linkedContactId", "kind"))
            .event(LeadConvertedIntoAccount.class, fields -> fields.plain("accountId", "leadId", "contactId"))
            .event(MergedAccountAbsorbed.class, fields -> fields
                    .plain("accountId", "mergedId", "contactIds", "convertedLeadIds"))
            // activities: about a contact when they name one
            .type(ActivityLinks.class, fields -> fields.plain("accountId", "contactId", "opportunityId"))
            .event(ActivityLogged.class, fields -> fields.subject(CONTACT, "links", "contactId")
                    .registers(ACTIVITY, "activityId")
                    .plain("activityId", "kind", "occurredAt", "ownerId").personal("subject", "notes").nested("links"))
            .event(ActivityScheduled.class, fields -> fields.subject(CONTACT, "links", "contactId")
                    .registers(ACTIVITY, "activityId")
                    .plain("activityId", "kind", "dueAt", "assigneeId", "remindAt").personal("subject", "notes")
                    .nested("links"))
            .event(ActivityCompleted.class, fields -> fields.subjectOfRecord(ACTIVITY, "activityId")
                    .personal("outcome").plain("completedAt", "overdue"))
            .event(ActivityCancelled.class, fields -> fields.plain("activityId"))
            .event(ActivityOverdue.class, fields -> fields.plain("activityId", "assigneeId", "dueAt"))
            .event(ActivityReminderDue.class, fields -> fields.plain("activityId", "assigneeId", "dueAt"))
            .event(ActivityReassigned.class, fields -> fields.plain("activityId", "assigneeId", "previousAssigneeId"))
            .event(ActivityRescheduled.class, fields -> fields.plain("activityId", "previousDueAt", "dueAt", "remindAt"))
            .event(ActivityTransferred.class, fields -> fields.plain("activityId", "accountId", "previousAccountId"))
            // deals
            .type(LineItem.class, fields -> fields.plain("lineId", "productId", "productName", "priceId", "quantity",
                    "unitPrice", "discountPercent", "unitCost"))
            .type(SalesStage.class, fields -> fields.plain("name", "probability", "category"))
            .event(OpportunityOpened.class, fields -> fields.plain("opportunityId", "accountId", "name", "ownerId",
                    "primaryContactId", "leadId", "currency", "amount", "expectedCloseDate", "priceList").nested("stage"))
            .event(OpportunityDetailsUpdated.class, fields -> fields.plain("opportunityId", "name", "primaryContactId")
                    .changes("changes", OpportunityDetailsUpdated.class))
            .event(OpportunityAmountChanged.class, fields -> fields.plain("opportunityId", "previousAmount", "amount"))
            .event(OpportunityCloseDateChanged.class, fields -> fields
                    .plain("opportunityId", "previousCloseDate", "expectedCloseDate"))
            .event(OpportunityLineItemAdded.class, fields -> fields
                    .plain("opportunityId", "previousAmount", "amount").nested("line"))
            .event(OpportunityLineItemRemoved.class, fields -> fields
                    .plain("opportunityId", "lineId", "previousAmount", "amount"))
            .event(OpportunityLost.class, fields -> fields
                    .plain("opportunityId", "reason", "note", "closedOn").nested("previousStage"))
            .event(OpportunityWon.class, fields -> fields.plain("opportunityId", "accountId", "ownerId", "currency",
                    "amount", "closedOn").nested("previousStage"))
            .event(OpportunityOwnerAssigned.class, fields -> fields.plain("opportunityId", "ownerId", "previousOwnerId"))
            .event(OpportunityReopened.class, fields -> fields.plain("opportunityId", "previousStatus").nested("stage"))
            .event(OpportunityStageChanged.class, fields -> fields.plain("opportunityId").nested("previousStage", "stage"))
            .event(OpportunityTransferred.class, fields -> fields
                    .plain("opportunityId", "accountId", "previousAccountId"))
            // catalogue and forecasts
            .type(ProductDetails.class, fields -> fields.plain("code", "name", "description", "kind", "unit",
                    "leadTimeDays"))
            .type(ProductPrice.class, fields -> fields.plain("priceId", "priceList", "currency", "unitPrice",
                    "validFrom", "validUntil", "retiredOn"))
            .event(ProductCreated.class, fields -> fields.plain("productId").nested("details"))
            .event(ProductUpdated.class, fields -> fields.plain("productId").nested("details")
                    .changes("changes", ProductDetails.class))
            .event(ProductDiscontinued.class, fields -> fields.plain("productId"))
            .event(ProductPriceAdded.class, fields -> fields.plain("productId").nested("price"))
            .event(ProductPriceRetired.class, fields -> fields.plain("productId", "priceId", "retiredOn"))
            .event(ExchangeRateSet.class, fields -> fields.plain("ratesId", "currency", "validFrom", "rate",
                    "reportingCurrency", "previousRate"))
            .event(SalesTargetSet.class, fields -> fields.plain("targetId", "userId", "period", "amount", "currency",
                    "previousAmount"))
            // the organisation
            .type(TerritoryCriteria.class, fields -> fields
                    .plain("country", "postalCodePrefix", "nafCodePrefix", "companySize"))
            .event(OrganisationFounded.class, fields -> fields.plain("administratorId"))
            .event(UserRegistered.class, fields -> fields.plain("userId", "profile", "managerId")
                    .user("displayName", "email"))
            .event(UserDeactivated.class, fields -> fields.plain("userId", "successorId"))
            .event(UserReactivated.class, fields -> fields.plain("userId"))
            .event(DeadLetterEvicted.class, fields -> fields.plain("processor", "eventId", "eventType", "recordId",
                    "causeType", "reason"))
            // what the user searched for is the accountability record of what they took away
            .event(ListExported.class, fields -> fields.plain("exportId", "userId", "list", "format")
                    .user("filters"))
            // a file's name and source are the importer's words, which may name people
            .event(ImportStarted.class, fields -> fields.plain("importId", "userId", "kind", "fileSha256", "rows",
                    "ownerId").user("fileName", "source"))
            .type(ImportCounts.class, fields -> fields.plain("read", "created", "refused", "alreadyImported"))
            .event(ImportFinished.class, fields -> fields.plain("importId", "failure").nested("counts"))
            // a form's settings are the company's words and addresses; its owner a user id like any record's
            .type(WebFormSettings.class, fields -> fields.plain("name", "allowedOrigins", "sourceDetail", "ownerId",
                    "consentText", "consentTextVersion", "redirectUrl"))
            .event(WebFormRegistered.class, fields -> fields.plain("formId", "key").nested("settings"))
            .event(WebFormChanged.class, fields -> fields.plain("formId").nested("settings")
                    .changes("changes", WebFormSettings.class))
            .event(WebFormRetired.class, fields -> fields.plain("formId"))
            // a subscription's address and events are the company's systems; its secret is never in an event
            .type(WebhookSettings.class, fields -> fields.plain("url", "eventTypes", "recordTypes", "description"))
            .event(WebhookRegistered.class, fields -> fields.plain("webhookId", "secretId").nested("settings"))
            .event(WebhookChanged.class, fields -> fields.plain("webhookId").nested("settings")
                    .changes("changes", WebhookSettings.class))
            .event(WebhookSecretRotated.class, fields -> fields.plain("webhookId", "secretId"))
            .event(WebhookSuspended.class, fields -> fields.plain("webhookId", "reason"))
            .event(WebhookResumed.class, fields -> fields.plain("webhookId"))
            .event(WebhookRetired.class, fields -> fields.plain("webhookId"))
            // a rule is the company's configuration: an administrator's condition and action, no one's person
            .type(WorkflowAction.class, fields -> fields.plain("kind", "assignTo", "subject", "dueInDays", "ownerId",
                    "webhookId"))
            .type(WorkflowRuleSettings.class, fields -> fields.plain("name", "eventType", "condition")
                    .nested("action"))
            .event(WorkflowRuleDefined.class, fields -> fields.plain("ruleId").nested("settings"))
            .event(WorkflowRuleChanged.class, fields -> fields.plain("ruleId").nested("settings")
                    .changes("changes", WorkflowRuleSettings.class))
            .event(WorkflowRuleRetired.class, fields -> fields.plain("ruleId"))
            .event(UserMoved.class, fields -> fields.plain("userId", "managerId", "previousManagerId"))
            .event(UserProfileChanged.class, fields -> fields.plain("userId", "profile", "previousProfile"))
            .event(RecordsReassignmentRequested.class, fields -> fields.plain("fromUserId", "toUserId"))
            .event(DefaultLeadOwnerChanged.class, fields -> fields.plain("ownerId", "previousOwnerId"))
            .event(LeadRouted.class, fields -> fields.plain("leadId", "territoryId", "ruleId", "ownerId"))
            .event(LeadRoutedToDefault.class, fields -> fields.plain("leadId", "ownerId"))
            .event(TerritoryCreated.class, fields -> fields.plain("territoryId", "name"))
            .event(TerritoryMemberAdded.class, fields -> fields.plain("territoryId", "userId"))
            .event(TerritoryMemberRemoved.class, fields -> fields.plain("territoryId", "userId"))
            .event(TerritoryRuleAdded.class, fields -> fields.plain("territoryId", "ruleId", "priority")
                    .nested("criteria"))
            .event(TerritoryRuleRemoved.class, fields -> fields.plain("territoryId", "ruleId"))
            .build();

    private PersonalData() {
    }
}
