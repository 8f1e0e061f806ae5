package io.relais.eventstore;

import io.relais.account.Account;
import io.relais.account.AccountCreated;
import io.relais.account.AccountDetails;
import io.relais.account.AccountDetailsUpdated;
import io.relais.account.AccountDuplicateDismissed;
import io.relais.account.AccountFilledFromRegister;
import io.relais.account.AccountLinkedToErp;
import io.relais.account.AccountMergedInto;
import io.relais.account.AccountOwnerAssigned;
import io.relais.account.AccountPromotedToCustomer;
import io.relais.account.AccountStatus;
import io.relais.account.AccountSyncedFromErp;
import io.relais.account.Address;
import io.relais.account.ContactAdded;
import io.relais.account.ContactDetails;
import io.relais.account.ContactLink;
import io.relais.account.ContactLinkKind;
import io.relais.account.ContactMovedIn;
import io.relais.account.ContactMovedOut;
import io.relais.account.ContactPersonalDataErased;
import io.relais.account.ContactTransfer;
import io.relais.account.ContactUpdated;
import io.relais.account.ContactsLinked;
import io.relais.account.DecisionRole;
import io.relais.account.LeadConvertedIntoAccount;
import io.relais.account.MergedAccountAbsorbed;
import io.relais.activity.Activity;
import io.relais.activity.ActivityCancelled;
import io.relais.activity.ActivityCompleted;
import io.relais.activity.ActivityKind;
import io.relais.activity.ActivityLinks;
import io.relais.activity.ActivityLogged;
import io.relais.activity.ActivityOverdue;
import io.relais.activity.ActivityReassigned;
import io.relais.activity.ActivityReminderDue;
import io.relais.activity.ActivityRescheduled;
import io.relais.activity.ActivityScheduled;
import io.relais.activity.ActivityTransferred;
import io.relais.catalogue.Product;
import io.relais.catalogue.ProductCreated;
import io.relais.catalogue.ProductDetails;
import io.relais.catalogue.ProductDiscontinued;
import io.relais.catalogue.ProductKind;
import io.relais.catalogue.ProductPrice;
import io.relais.catalogue.ProductPriceAdded;
import io.relais.catalogue.ProductPriceRetired;
import io.relais.catalogue.ProductUpdated;
import io.relais.common.AuditMetadata;
import io.relais.common.CompanySize;
import io.relais.common.FieldChange;
import io.relais.export.Export;
import io.relais.export.ListExported;
import io.relais.forecast.ExchangeRateSet;
import io.relais.forecast.ExchangeRates;
import io.relais.forecast.SalesTarget;
import io.relais.forecast.SalesTargetSet;
import io.relais.forecast.SetExchangeRate;
import io.relais.forecast.SetSalesTarget;
import io.relais.imports.Import;
import io.relais.imports.ImportCounts;
import io.relais.imports.ImportFinished;
import io.relais.imports.ImportKind;
import io.relais.imports.ImportStarted;
import io.relais.lead.ConsentChannel;
import io.relais.lead.ConvertedLeadTransferred;
import io.relais.lead.DisqualificationReason;
import io.relais.lead.Lead;
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
import io.relais.lead.LeadSource;
import io.relais.lead.LeadStatus;
import io.relais.lead.LeadWorkStarted;
import io.relais.lead.MarketingConsent;
import io.relais.lead.MergedLeadAbsorbed;
import io.relais.opportunity.ForecastCategory;
import io.relais.opportunity.LineItem;
import io.relais.opportunity.LossReason;
import io.relais.opportunity.Opportunity;
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
import io.relais.opportunity.OpportunityStatus;
import io.relais.opportunity.OpportunityTransferred;
import io.relais.opportunity.OpportunityWon;
import io.relais.opportunity.SalesStage;
import io.relais.organisation.DeadLetterEvicted;
import io.relais.organisation.DefaultLeadOwnerChanged;
import io.relais.organisation.LeadRouted;
import io.relais.organisation.LeadRoutedToDefault;
import io.relais.organisation.Organisation;
import io.relais.organisation.OrganisationFounded;
import io.relais.organisation.OrganisationIds;
import io.relais.organisation.Profile;
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
import io.relais.personaldata.ErasureRequest;
import io.relais.webform.WebForm;
import io.relais.webform.WebFormChanged;
import io.relais.webform.WebFormRegistered;
import io.relais.webform.WebFormRetired;
import io.relais.webform.WebFormSettings;
import io.relais.webhook.Webhook;
import io.relais.webhook.WebhookChanged;
import io.relais.webhook.WebhookRegistered;
import io.relais.webhook.WebhookResumed;
import io.relais.webhook.WebhookRetired;
import io.relais.webhook.WebhookSecretRotated;
import io.relais.webhook.WebhookSettings;
import io.relais.webhook.WebhookSuspended;
import io.relais.workflow.TaskAssignee;
import io.relais.workflow.WorkflowAction;
import io.relais.workflow.WorkflowActionKind;
import io.relais.workflow.WorkflowRule;
import io.relais.workflow.WorkflowRuleChanged;
import io.relais.workflow.WorkflowRuleDefined;
import io.relais.workflow.WorkflowRuleRetired;
import io.relais.workflow.WorkflowRuleSettings;
import org.axonframework.messaging.MetaData;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * What the golden event samples were written from (ADR 012): one history per aggregate, with a realistic value
 * in every field of every event (optional ones included) and the audit metadata the engine records, in an
 * order the aggregate's event-sourcing handlers accept. Histories are as coherent as one sample per event class
 * allows (a lead that is both converted and merged away, say).
 *
 * <p>Only missing samples are ever written from here. A new event class gets its example appended at the end
 * of its aggregate's history (inserted elsewhere, it would take the sequence number of a stored sample); a
 * changed event keeps its example where it is, updated to the new shape: its old sample stays and the new
 * revision's sample is written at the same position.
 */
final class EventSampleHistories {

    private static final String LEAD = "3f1c2a9e-8d4b-4e57-9a61-2c7d5e8b1f04";
    private static final String DUPLICATE_LEAD = "8a2d4c61-0b7e-4f3a-95d2-6e1f0c3b7a58";
    private static final String MERGED_LEAD = "c5e7a9b1-2d4f-4a6c-8e0b-1f3d5a7c9e2b";
    private static final String ACCOUNT = "0d6b8f2a-4c1e-4b7d-9a3f-5e2c8b0d6a14";
    private static final String SURVIVING_ACCOUNT = "6e9c1a3b-5d7f-4e2a-8c4b-0a2e4c6d8f13";
    private static final String MERGED_ACCOUNT = "b2d4f6a8-1c3e-4a5b-9d7f-3e5a7c9b1d02";
    private static final String CONTACT = "4a8c0e2f-6b1d-4c3e-a5f7-9b1d3f5a7c60";
    private static final String COLLEAGUE = "9f1b3d5e-7a2c-4e6b-8d0f-2c4e6a8b0d31";
    private static final String OPPORTUNITY = "e1a3c5d7-9b2f-4d6a-8c1e-3f5b7d9a1c42";
    private static final String PRODUCT = "5c7e9a1b-3d5f-4b8c-a0e2-4d6f8b0c2e53";
    private static final String PRICE = "7d9f1b3c-5e7a-4c9d-b1f3-5e7a9c1d3f64";
    private static final String LINE = "2b4d6f8a-0c2e-4a7b-9f1d-6a8c0e2b4d75";
    private static final String TASK = "a3c5e7f9-1b3d-4f8a-8e2c-7b9d1f3a5c86";
    private static final String CALL = "f4b6d8a0-2c4e-4a9b-9f3d-8c0e2a4b6d97";
    private static final String TERRITORY = "1e3a5c7b-9d1f-4b0c-a4e6-9d1f3b5c7e08";
    private static final String RULE = "6f8b0d2c-4e6a-4c1d-b5f7-0e2a4c6d8f19";
    private static final String EXPORT = "8b0d2f4a-6c8e-4d1f-a3b5-7c9e1a3b5d20";
    private static final String IMPORT = "2c4e6a8b-0d1f-4e3a-9b5c-7d9e1f3a5b7c";
    private static final String WEB_FORM = "5a7c9e1b-3d5f-4a8c-9e0b-2d4f6a8c0e31";
    private static final String WEBHOOK = "8e2f4a6c-0b1d-4c3e-a5f7-9b1d3f5a7c92";
    private static final String WORKFLOW_RULE = "3b5d7f9a-1c3e-4a5b-8d7f-9a1c3e5b7d04";

    private static final String ADMIN = "admin";
    private static final String MANAGER = "sophie.moreau";
    private static final String REP = "claire.dubois";
    private static final String OTHER_REP = "hugo.lefebvre";
    private static final String STEWARD = "delphine.roux";
    private static final ErasureRequest ERASURE = new ErasureRequest(
            "Demande d'effacement reçue par courrier le 2026-12-01", "DPO-2026-0042");

    private EventSampleHistories() {
    }

    /** One aggregate's events in the order they were applied; each one's sequence number is its position. */
    record History(Class<?> aggregate, String aggregateId, Instant start, List<Recorded> events) {
    }

    /** An event as the aggregate applied it, with the metadata stored beside it. */
    record Recorded(Object payload, MetaData metaData) {
    }

    static List<History> all() {
        return List.of(organisation(), lead(), account(), opportunity(), task(), call(), product(), exchangeRates(),
                salesTarget(), listExport(), fileImport(), webForm(), webhook(), workflowRule());
    }

    private static History organisation() {
        return new History(Organisation.class, OrganisationIds.ORGANISATION_ID, Instant.parse("2026-09-01T07:00:00Z"),
                List.of(
                        new Recorded(new OrganisationFounded(ADMIN), by(ADMIN, "first-start")),
                        new Recorded(new UserRegistered(REP, "Claire Dubois", "claire.dubois@relais-demo.fr",
                                Profile.SALES_REP, MANAGER), by(ADMIN, "register-claire")),
                        new Recorded(new UserProfileChanged(REP, Profile.SALES_MANAGER, Profile.SALES_REP),
                                by(ADMIN, "promote-claire")),
                        new Recorded(new UserMoved(REP, "marc.bernard", MANAGER), by(ADMIN, "move-claire")),
                        new Recorded(new UserDeactivated(REP, OTHER_REP), by(ADMIN, "deactivate-claire")),
                        new Recorded(new UserReactivated(REP), by(ADMIN, "reactivate-claire")),
                        new Recorded(new TerritoryCreated(TERRITORY, "Île-de-France PME"), by(ADMIN, "create-territory")),
                        new Recorded(new TerritoryRuleAdded(TERRITORY, RULE, 10,
                                new TerritoryCriteria("FR", "75", "62.01", CompanySize.SMALL)), by(ADMIN, "add-rule")),
                        new Recorded(new TerritoryMemberAdded(TERRITORY, OTHER_REP), by(ADMIN, "add-member")),
                        new Recorded(new LeadRouted(LEAD, TERRITORY, RULE, OTHER_REP),
                                bySystem("lead-routing", REP, "capture-lead")),
                        new Recorded(new DefaultLeadOwnerChanged(MANAGER, ADMIN), by(ADMIN, "default-owner")),
                        new Recorded(new LeadRoutedToDefault(DUPLICATE_LEAD, MANAGER),
                                bySystem("lead-routing", REP, "capture-duplicate")),
                        new Recorded(new TerritoryMemberRemoved(TERRITORY, OTHER_REP), by(ADMIN, "remove-member")),
                        new Recorded(new TerritoryRuleRemoved(TERRITORY, RULE), by(ADMIN, "remove-rule")),
                        new Recorded(new RecordsReassignmentRequested(REP, OTHER_REP), by(ADMIN, "reassign-records")),
                        new Recorded(new DeadLetterEvicted("leads", "3f1c2a9e-5b7d-4e8f-9a01-2c3d4e5f6a7b",
                                "LeadDetailsUpdated", LEAD, "org.springframework.dao.DataIntegrityViolationException",
                                "Corrected in the ERP; the projection's row was mended by hand"),
                                by(ADMIN, "evict-dead-letter"))));
    }

    private static History listExport() {
        return new History(Export.class, EXPORT, Instant.parse("2026-12-05T09:30:00Z"), List.of(
                new Recorded(new ListExported(EXPORT, MANAGER, "leads", "CSV", "status=NEW&q=dubois&separator=COMMA"),
                        by(MANAGER, "export-leads"))));
    }

    private static History fileImport() {
        return new History(Import.class, IMPORT, Instant.parse("2026-12-05T10:00:00Z"), List.of(
                new Recorded(new ImportStarted(IMPORT, MANAGER, ImportKind.LEADS, "salon-lyon-2026.csv",
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 1200, "Salon Lyon 2026",
                        MANAGER), by(MANAGER, "import-leads")),
                new Recorded(new ImportFinished(IMPORT, new ImportCounts(1200, 1150, 38, 12), null),
                        bySystem("import", MANAGER, IMPORT))));
    }

    private static History lead() {
        LeadDetails captured = new LeadDetails("Jeanne", "Martin", "jeanne.martin@atelier-martin.fr", "+33 1 42 68 53 00",
                "Atelier Martin", "Directrice des achats", "https://www.atelier-martin.fr", "75011", "Paris", "FR",
                "Rencontrée au salon Batimat, cherche un devis pour 40 postes", "62.01Z", "SMALL");
        LeadDetails updated = new LeadDetails("Jeanne", "Martin", "jeanne.martin@atelier-martin.fr", "+33 6 12 34 56 78",
                "Atelier Martin", "Directrice des achats", "https://www.atelier-martin.fr", "75011", "Paris", "FR",
                "Rencontrée au salon Batimat, cherche un devis pour 40 postes", "62.01Z", "SMALL");
        MarketingConsent consent = new MarketingConsent(true, LocalDate.parse("2026-11-12"), ConsentChannel.WEB_FORM,
                "2026-11");
        return new History(Lead.class, LEAD, Instant.parse("2026-11-12T09:15:00Z"), List.of(
                new Recorded(new LeadCaptured(LEAD, captured, LeadSource.WEB_FORM, "Formulaire salon Batimat 2026",
                        consent, REP),
                        creating(REP, "capture-lead")),
                new Recorded(new LeadOwnerAssigned(LEAD, OTHER_REP, REP, TERRITORY, RULE),
                        bySystem("lead-routing", REP, "capture-lead")),
                new Recorded(new LeadDetailsUpdated(LEAD, updated,
                        List.of(new FieldChange("phone", "+33 1 42 68 53 00", "+33 6 12 34 56 78"))),
                        by(OTHER_REP, "update-phone")),
                new Recorded(new LeadWorkStarted(LEAD), by(OTHER_REP, "start-work")),
                new Recorded(new LeadDisqualified(LEAD, DisqualificationReason.OTHER,
                        "Projet reporté au prochain exercice budgétaire", LeadStatus.WORKING), by(OTHER_REP, "disqualify")),
                new Recorded(new LeadReopened(LEAD, LeadStatus.DISQUALIFIED), by(OTHER_REP, "reopen")),
                new Recorded(new LeadDuplicateDismissed(LEAD, DUPLICATE_LEAD), by(MANAGER, "dismiss-duplicate")),
                new Recorded(new MergedLeadAbsorbed(LEAD, MERGED_LEAD), bySystem("lead-merge", MANAGER, "merge-leads")),
                new Recorded(new LeadQualified(LEAD, LeadStatus.WORKING), by(OTHER_REP, "qualify")),
                new Recorded(new LeadConverted(LEAD, ACCOUNT, CONTACT, LeadStatus.QUALIFIED), by(OTHER_REP, "convert")),
                new Recorded(new ConvertedLeadTransferred(LEAD, SURVIVING_ACCOUNT, ACCOUNT),
                        bySystem("account-merge", MANAGER, "merge-accounts")),
                new Recorded(new LeadMergedInto(LEAD, DUPLICATE_LEAD, updated, LeadStatus.QUALIFIED),
                        by(MANAGER, "merge-into-duplicate")),
                new Recorded(new LeadPersonalDataErased(LEAD, ERASURE, SURVIVING_ACCOUNT, CONTACT),
                        by(STEWARD, "erase-lead")),
                // appended after the released samples, whose positions are fixed: a sample keeps a shape, not a
                // history the rules would take
                new Recorded(new LeadConsentWithdrawn(LEAD,
                        new MarketingConsent(false, LocalDate.parse("2026-11-12"), ConsentChannel.EMAIL, null), consent),
                        by(OTHER_REP, "withdraw-consent"))));
    }

    private static History account() {
        Address billing = new Address("12 rue de la Roquette", "75011", "Paris", "FR");
        Address delivery = new Address("ZI des Chanteraines, 4 allée des Forges", "92390", "Villeneuve-la-Garenne", "FR");
        AccountDetails created = accountDetails(billing, delivery, "+33 1 42 68 53 00", new BigDecimal("250000.00"));
        AccountDetails updated = accountDetails(billing, delivery, "+33 1 42 68 53 10", new BigDecimal("250000.00"));
        AccountDetails synced = accountDetails(billing, delivery, "+33 1 42 68 53 10", new BigDecimal("300000.00"));
        ContactDetails jeanne = new ContactDetails("Jeanne", "Martin", "Directrice des achats",
                List.of("jeanne.martin@atelier-martin.fr"), List.of("+33 6 12 34 56 78"), "Salon Batimat 2026",
                DecisionRole.DECISION_MAKER, "Préfère être appelée le matin");
        ContactDetails jeanneUpdated = new ContactDetails("Jeanne", "Martin", "Directrice générale",
                List.of("jeanne.martin@atelier-martin.fr", "direction@atelier-martin.fr"), List.of("+33 6 12 34 56 78"),
                "Salon Batimat 2026", DecisionRole.DECISION_MAKER, "Préfère être appelée le matin");
        ContactDetails paul = new ContactDetails("Paul", "Girard", "Responsable informatique",
                List.of("paul.girard@atelier-martin.fr"), List.of("+33 1 42 68 53 12"), "Recommandé par Jeanne Martin",
                DecisionRole.TECHNICAL_EVALUATOR, "Évalue la compatibilité avec leur ERP");
        ContactTransfer paulMoving = new ContactTransfer(COLLEAGUE, paul, MERGED_LEAD,
                List.of(new ContactLink(CONTACT, ContactLinkKind.COLLEAGUE)));
        ContactTransfer jeanneLeaving = new ContactTransfer(CONTACT, jeanneUpdated, LEAD,
                List.of(new ContactLink(COLLEAGUE, ContactLinkKind.COLLEAGUE)));
        return new History(Account.class, ACCOUNT, Instant.parse("2026-11-14T10:00:00Z"), List.of(
                new Recorded(new AccountCreated(ACCOUNT, created, OTHER_REP), creating(OTHER_REP, "convert")),
                new Recorded(new ContactAdded(ACCOUNT, CONTACT, jeanne, LEAD), by(OTHER_REP, "convert")),
                new Recorded(new LeadConvertedIntoAccount(ACCOUNT, LEAD, CONTACT), by(OTHER_REP, "convert")),
                new Recorded(new AccountDetailsUpdated(ACCOUNT, updated,
                        List.of(new FieldChange("phone", "+33 1 42 68 53 00", "+33 1 42 68 53 10"))),
                        by(OTHER_REP, "update-account")),
                new Recorded(new AccountOwnerAssigned(ACCOUNT, REP, OTHER_REP), by(MANAGER, "assign-account")),
                new Recorded(new ContactUpdated(ACCOUNT, CONTACT, jeanneUpdated, List.of(
                        new FieldChange("emails", "jeanne.martin@atelier-martin.fr",
                                "jeanne.martin@atelier-martin.fr, direction@atelier-martin.fr"),
                        new FieldChange("jobTitle", "Directrice des achats", "Directrice générale"))),
                        by(REP, "update-contact")),
                new Recorded(new ContactMovedIn(ACCOUNT, MERGED_ACCOUNT, paulMoving),
                        bySystem("contact-move", REP, "move-contact")),
                new Recorded(new ContactsLinked(ACCOUNT, CONTACT, COLLEAGUE, ContactLinkKind.COLLEAGUE),
                        by(REP, "link-contacts")),
                new Recorded(new AccountLinkedToErp(ACCOUNT, "ERP-CLI-004512"), by(ADMIN, "link-erp")),
                new Recorded(new AccountSyncedFromErp(ACCOUNT, synced,
                        List.of(new FieldChange("creditLimit", "250000.00", "300000.00"))), by(ADMIN, "erp-sync")),
                new Recorded(new AccountPromotedToCustomer(ACCOUNT), bySystem("won-deal", REP, "win-deal")),
                new Recorded(new AccountDuplicateDismissed(ACCOUNT, SURVIVING_ACCOUNT), by(MANAGER, "dismiss-duplicate")),
                new Recorded(new MergedAccountAbsorbed(ACCOUNT, MERGED_ACCOUNT, List.of(COLLEAGUE), List.of(MERGED_LEAD)),
                        bySystem("account-merge", MANAGER, "absorb-account")),
                new Recorded(new ContactMovedOut(ACCOUNT, SURVIVING_ACCOUNT, jeanneLeaving),
                        bySystem("contact-move", MANAGER, "move-out")),
                new Recorded(new AccountMergedInto(ACCOUNT, SURVIVING_ACCOUNT,
                        List.of(new ContactTransfer(COLLEAGUE, paul, MERGED_LEAD,
                                List.of(new ContactLink(CONTACT, ContactLinkKind.COLLEAGUE)))),
                        List.of(LEAD, MERGED_LEAD), synced, AccountStatus.CUSTOMER, "ERP-CLI-004512"),
                        by(MANAGER, "merge-accounts")),
                new Recorded(new ContactPersonalDataErased(ACCOUNT, COLLEAGUE, ERASURE, MERGED_LEAD),
                        by(STEWARD, "erase-contact")),
                new Recorded(new AccountFilledFromRegister(ACCOUNT, "SIRENE", synced.siret(), new AccountDetails(
                        "ATELIER MARTIN", synced.tradeName(), synced.billingAddress(), synced.deliveryAddress(),
                        synced.phone(), synced.website(), synced.siren(), synced.siret(), "62.02A", synced.headcount(),
                        synced.annualRevenue(), synced.ownershipNotes(), synced.paymentTerms(), synced.creditLimit(),
                        synced.purchaseVolume(), synced.ourShare(), synced.businessTarget()), List.of(
                        new FieldChange("legalName", synced.legalName(), "ATELIER MARTIN"),
                        new FieldChange("nafCode", synced.nafCode(), "62.02A"))), by(STEWARD, "fill-from-register"))));
    }

    private static AccountDetails accountDetails(Address billing, Address delivery, String phone, BigDecimal creditLimit) {
        return new AccountDetails("Atelier Martin SAS", "Atelier Martin", billing, delivery, phone,
                "https://www.atelier-martin.fr", "732829320", "73282932000017", "62.01Z", 48,
                new BigDecimal("6400000.00"), "Filiale à 100 % du groupe Martin Industries", "45 jours fin de mois",
                creditLimit, new BigDecimal("180000.00"), new BigDecimal("35.5"), new BigDecimal("90000.00"));
    }

    private static History opportunity() {
        SalesStage proposal = new SalesStage("PROPOSAL", 50, ForecastCategory.BEST_CASE);
        SalesStage negotiation = new SalesStage("NEGOTIATION", 80, ForecastCategory.COMMIT);
        LineItem line = new LineItem(LINE, PRODUCT, "Poste de travail ergonomique", PRICE, new BigDecimal("40"),
                new BigDecimal("1250.0000"), new BigDecimal("7.5"), new BigDecimal("820.0000"));
        return new History(Opportunity.class, OPPORTUNITY, Instant.parse("2026-11-16T14:30:00Z"), List.of(
                new Recorded(new OpportunityOpened(OPPORTUNITY, ACCOUNT, "Équipement de 40 postes", OTHER_REP, CONTACT,
                        LEAD, "EUR", new BigDecimal("48000.00"), LocalDate.parse("2027-01-31"), "STANDARD", proposal),
                        creating(OTHER_REP, "open-deal")),
                new Recorded(new OpportunityDetailsUpdated(OPPORTUNITY, "Équipement de 40 postes ergonomiques", COLLEAGUE,
                        List.of(new FieldChange("name", "Équipement de 40 postes", "Équipement de 40 postes ergonomiques"),
                                new FieldChange("primaryContactId", CONTACT, COLLEAGUE))), by(OTHER_REP, "rename-deal")),
                new Recorded(new OpportunityStageChanged(OPPORTUNITY, proposal, negotiation), by(OTHER_REP, "negotiate")),
                new Recorded(new OpportunityAmountChanged(OPPORTUNITY, new BigDecimal("48000.00"),
                        new BigDecimal("46500.00")), by(OTHER_REP, "change-amount")),
                new Recorded(new OpportunityCloseDateChanged(OPPORTUNITY, LocalDate.parse("2027-01-31"),
                        LocalDate.parse("2027-02-15")), by(OTHER_REP, "change-close-date")),
                new Recorded(new OpportunityLineItemAdded(OPPORTUNITY, line, new BigDecimal("46500.00"),
                        new BigDecimal("46250.0000")), by(OTHER_REP, "add-line")),
                new Recorded(new OpportunityLineItemRemoved(OPPORTUNITY, LINE, new BigDecimal("46250.0000"),
                        new BigDecimal("46500.00")), by(OTHER_REP, "remove-line")),
                new Recorded(new OpportunityOwnerAssigned(OPPORTUNITY, REP, OTHER_REP), by(MANAGER, "assign-deal")),
                new Recorded(new OpportunityTransferred(OPPORTUNITY, SURVIVING_ACCOUNT, ACCOUNT),
                        bySystem("account-merge", MANAGER, "merge-accounts")),
                new Recorded(new OpportunityLost(OPPORTUNITY, LossReason.COMPETITOR, "Retenu un concurrent moins cher",
                        LocalDate.parse("2027-01-20"), negotiation), by(REP, "lose-deal")),
                new Recorded(new OpportunityReopened(OPPORTUNITY, negotiation, OpportunityStatus.LOST),
                        by(REP, "reopen-deal")),
                new Recorded(new OpportunityWon(OPPORTUNITY, SURVIVING_ACCOUNT, REP, "EUR", new BigDecimal("46500.00"),
                        LocalDate.parse("2027-02-10"), negotiation), by(REP, "win-deal"))));
    }

    /** A scheduled activity: created by {@code ActivityScheduled}, then what may follow it. */
    private static History task() {
        Instant due = Instant.parse("2026-11-20T09:00:00Z");
        Instant movedTo = Instant.parse("2026-11-21T13:30:00Z");
        ActivityLinks links = new ActivityLinks(ACCOUNT, CONTACT, OPPORTUNITY);
        return new History(Activity.class, TASK, Instant.parse("2026-11-17T08:00:00Z"), List.of(
                new Recorded(new ActivityScheduled(TASK, ActivityKind.MEETING, "Démonstration des postes",
                        "Apporter le catalogue et les conditions de financement", links, due, OTHER_REP,
                        Instant.parse("2026-11-20T08:00:00Z")), creating(OTHER_REP, "schedule-demo")),
                new Recorded(new ActivityRescheduled(TASK, due, movedTo, Instant.parse("2026-11-21T12:30:00Z")),
                        by(OTHER_REP, "reschedule-demo")),
                new Recorded(new ActivityReminderDue(TASK, OTHER_REP, movedTo),
                        deadline("activity-reminder", OTHER_REP, "schedule-demo")),
                new Recorded(new ActivityOverdue(TASK, OTHER_REP, movedTo),
                        deadline("activity-overdue", OTHER_REP, "schedule-demo")),
                new Recorded(new ActivityReassigned(TASK, REP, OTHER_REP), by(MANAGER, "reassign-demo")),
                new Recorded(new ActivityCompleted(TASK, "Démonstration faite, devis demandé pour 40 postes",
                        Instant.parse("2026-11-21T15:10:00Z"), true), by(REP, "complete-demo"))));
    }

    /** A logged activity: created done by {@code ActivityLogged}; its cancellation stands in for a scheduled one's. */
    private static History call() {
        return new History(Activity.class, CALL, Instant.parse("2026-11-18T16:45:00Z"), List.of(
                new Recorded(new ActivityLogged(CALL, ActivityKind.CALL, "Appel de qualification",
                        "Budget validé pour le premier trimestre", new ActivityLinks(ACCOUNT, CONTACT, OPPORTUNITY),
                        Instant.parse("2026-11-18T16:30:00Z"), OTHER_REP), creating(OTHER_REP, "log-call")),
                new Recorded(new ActivityTransferred(CALL, SURVIVING_ACCOUNT, ACCOUNT),
                        bySystem("account-merge", MANAGER, "merge-accounts")),
                new Recorded(new ActivityCancelled(CALL), by(REP, "cancel-call"))));
    }

    private static History product() {
        ProductDetails created = new ProductDetails("ERGO-40", "Poste de travail ergonomique",
                "Bureau assis-debout, fauteuil et bras d'écran", ProductKind.PRODUCT, "poste", 21);
        ProductDetails updated = new ProductDetails("ERGO-40", "Poste de travail ergonomique",
                "Bureau assis-debout, fauteuil et bras d'écran", ProductKind.PRODUCT, "poste", 28);
        return new History(Product.class, PRODUCT, Instant.parse("2026-10-01T08:00:00Z"), List.of(
                new Recorded(new ProductCreated(PRODUCT, created), creating(ADMIN, "create-product")),
                new Recorded(new ProductUpdated(PRODUCT, updated, List.of(new FieldChange("leadTimeDays", "21", "28"))),
                        by(ADMIN, "update-product")),
                new Recorded(new ProductPriceAdded(PRODUCT, new ProductPrice(PRICE, "STANDARD", "EUR",
                        new BigDecimal("1250.0000"), LocalDate.parse("2026-10-01"), LocalDate.parse("2027-10-01"), null)),
                        by(ADMIN, "add-price")),
                new Recorded(new ProductPriceRetired(PRODUCT, PRICE, LocalDate.parse("2027-06-30")),
                        by(ADMIN, "retire-price")),
                new Recorded(new ProductDiscontinued(PRODUCT), by(ADMIN, "discontinue-product"))));
    }

    private static History exchangeRates() {
        String ratesId = SetExchangeRate.ratesId("USD");
        return new History(ExchangeRates.class, ratesId, Instant.parse("2026-11-02T07:30:00Z"), List.of(
                new Recorded(new ExchangeRateSet(ratesId, "USD", LocalDate.parse("2026-11-01"),
                        new BigDecimal("0.92310000"), "EUR", new BigDecimal("0.91870000")), by(ADMIN, "set-rate"))));
    }

    private static History salesTarget() {
        String targetId = SetSalesTarget.targetId(REP, "2027-Q1");
        return new History(SalesTarget.class, targetId, Instant.parse("2026-12-01T09:00:00Z"), List.of(
                new Recorded(new SalesTargetSet(targetId, REP, "2027-Q1", new BigDecimal("150000.00"), "EUR",
                        new BigDecimal("120000.00")), by(MANAGER, "set-target"))));
    }

    /** What a command sent through the API stamps on its events (request id, acting user, the command's id). */
    private static History webForm() {
        WebFormSettings registered = new WebFormSettings("Formulaire contact", List.of("https://www.relais-demo.fr",
                "https://relais-demo.fr"), "Site web, page contact", REP,
                "J'accepte de recevoir par e-mail les offres de Relais. Je peux retirer mon accord à tout moment.",
                "2026-11", "https://www.relais-demo.fr/merci");
        WebFormSettings changed = new WebFormSettings(registered.name(), registered.allowedOrigins(),
                registered.sourceDetail(), null, registered.consentText(), "2026-12", registered.redirectUrl());
        return new History(WebForm.class, WEB_FORM, Instant.parse("2026-12-05T11:00:00Z"), List.of(
                new Recorded(new WebFormRegistered(WEB_FORM, "wf_3kZ8pQ1xM5vN7rT2yW4b9c", registered),
                        creating(ADMIN, "register-web-form")),
                new Recorded(new WebFormChanged(WEB_FORM, changed, List.of(new FieldChange("ownerId", REP, null),
                        new FieldChange("consentTextVersion", "2026-11", "2026-12"))), by(ADMIN, "change-web-form")),
                new Recorded(new WebFormRetired(WEB_FORM), by(ADMIN, "retire-web-form"))));
    }

    private static History webhook() {
        WebhookSettings registered = new WebhookSettings("https://erp.relais-demo.fr/hooks/relais",
                List.of("OpportunityWon", "AccountPromotedToCustomer"), List.of(), "ERP : nouveaux clients");
        WebhookSettings changed = new WebhookSettings(registered.url(), registered.eventTypes(), List.of("ACCOUNT",
                "OPPORTUNITY"), registered.description());
        String reason = "Deliveries failed without a success since 2026-12-05T14:00:00Z (last: HTTP 503)";
        return new History(Webhook.class, WEBHOOK, Instant.parse("2026-12-05T13:00:00Z"), List.of(
                new Recorded(new WebhookRegistered(WEBHOOK, registered, "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b"),
                        creating(ADMIN, "register-webhook")),
                new Recorded(new WebhookChanged(WEBHOOK, changed, List.of(new FieldChange("recordTypes", null,
                        "ACCOUNT, OPPORTUNITY"))), by(ADMIN, "change-webhook")),
                new Recorded(new WebhookSecretRotated(WEBHOOK, "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"),
                        by(ADMIN, "change-webhook")),
                new Recorded(new WebhookSuspended(WEBHOOK, reason), MetaData.with(AuditMetadata.USER_ID,
                        OrganisationIds.WEBHOOKS).and(AuditMetadata.ON_BEHALF_OF, WEBHOOK)
                        .and(AuditMetadata.CHANGE_REASON, reason)
                        .and(AuditMetadata.CORRELATION_ID, uuid("suspend-webhook"))
                        .and(AuditMetadata.CAUSATION_ID, uuid("command:suspend-webhook"))),
                new Recorded(new WebhookResumed(WEBHOOK), by(ADMIN, "resume-webhook")),
                new Recorded(new WebhookRetired(WEBHOOK), by(ADMIN, "retire-webhook"))));
    }

    private static History workflowRule() {
        WorkflowRuleSettings defined = new WorkflowRuleSettings("Grosses affaires en négociation",
                "OpportunityStageChanged", "record.amount > 50000 and event.stage.name == 'NEGOTIATION'",
                new WorkflowAction(WorkflowActionKind.SCHEDULE_TASK, TaskAssignee.OWNER_MANAGER, "Revoir l'offre", 2,
                        null, null));
        WorkflowRuleSettings changed = new WorkflowRuleSettings(defined.name(), defined.eventType(),
                "record.amount > 80000 and event.stage.name == 'NEGOTIATION'", defined.action());
        return new History(WorkflowRule.class, WORKFLOW_RULE, Instant.parse("2026-12-05T15:00:00Z"), List.of(
                new Recorded(new WorkflowRuleDefined(WORKFLOW_RULE, defined), creating(ADMIN, "define-workflow-rule")),
                new Recorded(new WorkflowRuleChanged(WORKFLOW_RULE, changed, List.of(new FieldChange("condition",
                        defined.condition(), changed.condition()))), by(ADMIN, "change-workflow-rule")),
                new Recorded(new WorkflowRuleRetired(WORKFLOW_RULE), by(ADMIN, "retire-workflow-rule"))));
    }

    private static MetaData by(String userId, String requestId) {
        return MetaData.with(AuditMetadata.USER_ID, userId)
                .and(AuditMetadata.CORRELATION_ID, requestId)
                .and(AuditMetadata.CAUSATION_ID, uuid("command:" + requestId + ":" + userId));
    }

    /** A creating request sent with an {@code Idempotency-Key}: its events record the key and the request's hash. */
    private static MetaData creating(String userId, String requestId) {
        return by(userId, requestId).and(AuditMetadata.IDEMPOTENCY_KEY, requestId + "-2026")
                .and(AuditMetadata.REQUEST_HASH, sha256(requestId));
    }

    /** What a process stamps on the commands it sends: the system acts on behalf of the user who caused it. */
    private static MetaData bySystem(String component, String onBehalfOf, String requestId) {
        return MetaData.with(AuditMetadata.USER_ID, OrganisationIds.SYSTEM_PREFIX + component)
                .and(AuditMetadata.ON_BEHALF_OF, onBehalfOf)
                .and(AuditMetadata.CORRELATION_ID, requestId)
                .and(AuditMetadata.CAUSATION_ID, uuid("event:" + requestId + ":" + component));
    }

    /** What an activity's deadline stamps: the reminders component, on behalf of the assignee; caused by the deadline. */
    private static MetaData deadline(String name, String assignee, String requestId) {
        return bySystem("reminders", assignee, requestId).and(AuditMetadata.CAUSATION_ID, uuid("deadline:" + name));
    }

    private static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String sha256(String seed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
