package io.relais.common;

import io.relais.account.AbsorbMergedAccount;
import io.relais.account.Account;
import io.relais.account.AccountCreated;
import io.relais.account.AccountDetails;
import io.relais.account.AccountField;
import io.relais.account.AccountLinkedToErp;
import io.relais.account.AccountPromotedToCustomer;
import io.relais.account.AddContact;
import io.relais.account.Address;
import io.relais.account.AssignAccountOwner;
import io.relais.account.AttachConvertedLead;
import io.relais.account.ContactAdded;
import io.relais.account.ContactDetails;
import io.relais.account.ContactLinkKind;
import io.relais.account.CreateAccount;
import io.relais.account.DecisionRole;
import io.relais.account.DismissAccountDuplicate;
import io.relais.account.EraseContactPersonalData;
import io.relais.account.FillAccountFromRegister;
import io.relais.account.LinkAccountToErp;
import io.relais.account.LinkContacts;
import io.relais.account.MergeAccountInto;
import io.relais.account.MoveContact;
import io.relais.account.OtherAccounts;
import io.relais.account.ReceiveContact;
import io.relais.account.SyncAccountFromErp;
import io.relais.account.UpdateAccountDetails;
import io.relais.account.UpdateContact;
import io.relais.activity.Activity;
import io.relais.activity.ActivityKind;
import io.relais.activity.ActivityLinks;
import io.relais.activity.ActivityScheduled;
import io.relais.activity.CompleteActivity;
import io.relais.activity.LogActivity;
import io.relais.activity.ReassignActivity;
import io.relais.activity.RescheduleActivity;
import io.relais.activity.ScheduleActivity;
import io.relais.activity.TransferActivity;
import io.relais.catalogue.AddProductPrice;
import io.relais.catalogue.CreateProduct;
import io.relais.catalogue.Product;
import io.relais.catalogue.ProductCodes;
import io.relais.catalogue.ProductCreated;
import io.relais.catalogue.ProductDetails;
import io.relais.catalogue.ProductKind;
import io.relais.catalogue.ProductPrice;
import io.relais.catalogue.ProductPriceAdded;
import io.relais.catalogue.RetireProductPrice;
import io.relais.catalogue.UpdateProduct;
import io.relais.export.Export;
import io.relais.export.RecordListExport;
import io.relais.forecast.ExchangeRates;
import io.relais.forecast.ReportingCurrency;
import io.relais.forecast.SalesTarget;
import io.relais.forecast.SetExchangeRate;
import io.relais.forecast.SetSalesTarget;
import io.relais.imports.FinishImport;
import io.relais.imports.Import;
import io.relais.imports.ImportCounts;
import io.relais.imports.ImportKind;
import io.relais.imports.ImportStarted;
import io.relais.imports.StartImport;
import io.relais.lead.AbsorbMergedLead;
import io.relais.lead.AssignLeadOwner;
import io.relais.lead.AutoAssignLead;
import io.relais.lead.CaptureLead;
import io.relais.lead.CheckLeadConversion;
import io.relais.lead.ConsentChannel;
import io.relais.lead.ConvertLead;
import io.relais.lead.DismissLeadDuplicate;
import io.relais.lead.DisqualificationReason;
import io.relais.lead.DisqualifyLead;
import io.relais.lead.EraseLeadPersonalData;
import io.relais.lead.Lead;
import io.relais.lead.LeadCaptured;
import io.relais.lead.LeadDetails;
import io.relais.lead.LeadField;
import io.relais.lead.LeadQualified;
import io.relais.lead.LeadSource;
import io.relais.lead.LeadStatus;
import io.relais.lead.MarketingConsent;
import io.relais.lead.MergeLeadInto;
import io.relais.lead.OtherLeads;
import io.relais.lead.TransferConvertedLead;
import io.relais.lead.UpdateLeadDetails;
import io.relais.lead.WithdrawLeadConsent;
import io.relais.opportunity.AddOpportunityLineItem;
import io.relais.opportunity.AssignOpportunityOwner;
import io.relais.opportunity.ChangeOpportunityAmount;
import io.relais.opportunity.ChangeOpportunityCloseDate;
import io.relais.opportunity.ChangeOpportunityStage;
import io.relais.opportunity.CloseOpportunityLost;
import io.relais.opportunity.LineItem;
import io.relais.opportunity.LossReason;
import io.relais.opportunity.OpenOpportunity;
import io.relais.opportunity.Opportunity;
import io.relais.opportunity.OpportunityLineItemAdded;
import io.relais.opportunity.OpportunityLost;
import io.relais.opportunity.OpportunityOpened;
import io.relais.opportunity.RemoveOpportunityLineItem;
import io.relais.opportunity.ReopenOpportunity;
import io.relais.opportunity.SalesStages;
import io.relais.opportunity.TransferOpportunity;
import io.relais.opportunity.UpdateOpportunityDetails;
import io.relais.organisation.AddTerritoryMember;
import io.relais.organisation.AddTerritoryRule;
import io.relais.organisation.ChangeUserProfile;
import io.relais.organisation.CreateTerritory;
import io.relais.organisation.DeactivateUser;
import io.relais.organisation.EvictDeadLetter;
import io.relais.organisation.FoundOrganisation;
import io.relais.organisation.InMemoryOrganisationDirectory;
import io.relais.organisation.MoveUser;
import io.relais.organisation.Organisation;
import io.relais.organisation.OrganisationFounded;
import io.relais.organisation.OrganisationIds;
import io.relais.organisation.OwnedRecords;
import io.relais.organisation.Profile;
import io.relais.organisation.ReactivateUser;
import io.relais.organisation.ReassignRecords;
import io.relais.organisation.RegisterUser;
import io.relais.organisation.RemoveTerritoryMember;
import io.relais.organisation.RemoveTerritoryRule;
import io.relais.organisation.RouteLead;
import io.relais.organisation.SetDefaultLeadOwner;
import io.relais.organisation.TerritoryCreated;
import io.relais.organisation.TerritoryCriteria;
import io.relais.organisation.TerritoryMemberAdded;
import io.relais.organisation.TerritoryRuleAdded;
import io.relais.organisation.TestOrganisation;
import io.relais.organisation.UserDeactivated;
import io.relais.organisation.UserRegistered;
import io.relais.personaldata.ErasureRequest;
import io.relais.personaldata.InMemoryDataSubjectKeys;
import io.relais.webform.ChangeWebForm;
import io.relais.webform.RegisterWebForm;
import io.relais.webform.WebForm;
import io.relais.webform.WebFormRegistered;
import io.relais.webform.WebFormSettings;
import io.relais.webhook.ChangeWebhook;
import io.relais.webhook.RegisterWebhook;
import io.relais.webhook.SuspendWebhook;
import io.relais.webhook.Webhook;
import io.relais.webhook.WebhookRegistered;
import io.relais.webhook.WebhookSettings;
import io.relais.workflow.ChangeWorkflowRule;
import io.relais.workflow.DefineWorkflowRule;
import io.relais.workflow.TaskAssignee;
import io.relais.workflow.WorkflowAction;
import io.relais.workflow.WorkflowActionKind;
import io.relais.workflow.WorkflowRule;
import io.relais.workflow.WorkflowRuleDefined;
import io.relais.workflow.WorkflowRuleSettings;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.test.AxonAssertionError;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.relais.organisation.TestOrganisation.ADMIN;
import static io.relais.organisation.TestOrganisation.FORMER;
import static io.relais.organisation.TestOrganisation.MANAGER;
import static io.relais.organisation.TestOrganisation.OTHER_REP;
import static io.relais.organisation.TestOrganisation.REP;
import static io.relais.organisation.TestOrganisation.STEWARD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command, every value in it. Each sample below is a command its aggregate accepts; each text, date,
 * instant, amount and whole number in it (nested value objects, lists and maps included) is replaced in turn by
 * a value out of its domain range: a NUL, half a surrogate pair, 10 001 characters, a date or instant outside
 * the years 1900 to 2999 (Java's extremes included), an amount too large, negative or too precise, an integer
 * at the ends of its type. The aggregate must refuse it with a {@link DomainException} (which the API turns into
 * a 4xx), or accept the command without storing the value: no event may hold anything PostgreSQL or a read
 * model could choke on. A new command without a sample fails {@link #everyCommandWithValuesHasASample()}.
 */
class CommandValueRangesTest {

    private static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
    private static final String SYSTEM = "system:bootstrap";
    private static final int LONGEST_TEXT = 10_000;

    /**
     * Commands only process managers send, carrying values of events already stored (a merged record's details,
     * a transferred contact, a routed lead's profile): those values were checked when their event was.
     */
    private static final Set<Class<?>> SYSTEM_ONLY = Set.of(AbsorbMergedAccount.class, ReceiveContact.class,
            AbsorbMergedLead.class, AutoAssignLead.class, TransferConvertedLead.class, TransferOpportunity.class,
            TransferActivity.class, RouteLead.class);

    /** Commands that check a write before it is made and store nothing, so no value of theirs reaches the store. */
    private static final Set<Class<?>> CHECK_ONLY = Set.of(CheckLeadConversion.class);

    private static final Map<Class<?>, List<Object>> POISONS = Map.of(
            String.class, List.of("a\u0000b", "\ud800", "Dupont\udfff", "x".repeat(LONGEST_TEXT + 1)),
            LocalDate.class, List.of(LocalDate.MIN, LocalDate.of(1899, 12, 31), LocalDate.of(3000, 1, 1),
                    LocalDate.MAX),
            Instant.class, List.of(Instant.MIN, Instant.parse("1899-12-31T23:59:59.999Z"),
                    Instant.parse("3000-01-01T00:00:00Z"), Instant.MAX),
            BigDecimal.class, List.of(new BigDecimal("1E+15"), new BigDecimal("-0.01"), new BigDecimal("1E-9"),
                    new BigDecimal("1E+999")),
            Integer.class, List.of(Integer.MIN_VALUE, Integer.MAX_VALUE));

    // ---------------------------------------------------------------------------------------------------------
    // The samples: one accepted command of each kind, with the history it needs
    // ---------------------------------------------------------------------------------------------------------

    private static final AccountDetails ACCOUNT = new AccountDetails("Durand SA", "Durand",
            new Address("1 rue de la Paix", "69001", "Lyon", "FR"), new Address("2 quai Perrache", "69002", "Lyon",
            "FR"), "+33 4 72 00 00 00", "https://durand.fr", "732829320", "73282932000074", "62.01Z", 120,
            new BigDecimal("12000000"), "Family-owned", "30 days", new BigDecimal("50000"), new BigDecimal("900000"),
            new BigDecimal("12.5"), new BigDecimal("100000"));
    private static final ContactDetails CONTACT = new ContactDetails("Éloïse", "Durand", "Buyer",
            List.of("eloise@durand.fr"), List.of("+33 6 00 00 00 00"), "A fair", DecisionRole.BUYER, "Prefers mail");
    private static final LeadDetails LEAD = new LeadDetails("Jean", "Dupont", "jean@dupont.fr", "+33 4 72 00 00 01",
            "Dupont SARL", "CEO", "https://dupont.fr", "69001", "Lyon", "FR", "Met at a fair", "62.01Z", "SMALL");
    private static final ActivityLinks LINKS = new ActivityLinks("account-1", "contact-1", "opportunity-1");
    private static final ProductDetails PRODUCT = new ProductDetails("P-1", "Press", "An offset press",
            ProductKind.PRODUCT, "piece", 30);
    private static final ProductPrice PRICE = new ProductPrice("price-1", "STANDARD", "EUR", new BigDecimal("1200"),
            LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), null);
    private static final LineItem LINE = new LineItem("line-1", "product-1", "Press", "price-1", new BigDecimal("3"),
            new BigDecimal("1200"), new BigDecimal("10"), new BigDecimal("700"));

    private static final WebFormSettings WEB_FORM = new WebFormSettings("Contact", List.of("https://www.example.fr"),
            "Site web", REP, "J'accepte les offres", "2026-11", "https://www.example.fr/merci");
    private static final WebhookSettings WEBHOOK = new WebhookSettings("https://erp.example.fr/relais",
            List.of("OpportunityWon"), List.of(), "ERP");
    private static final WorkflowRuleSettings RULE = new WorkflowRuleSettings("Big deals", "OpportunityStageChanged",
            "record.amount > 50000 and event.stage.name == 'NEGOTIATION'", new WorkflowAction(
            WorkflowActionKind.SCHEDULE_TASK, TaskAssignee.OWNER_MANAGER, "Review the offer", 2, null, null));
    private static final List<Object> ACCOUNT_CREATED = List.of(new AccountCreated("account-1", ACCOUNT, REP),
            new ContactAdded("account-1", "contact-1", CONTACT, null));
    private static final List<Object> ACCOUNT_LINKED = with(ACCOUNT_CREATED,
            new AccountPromotedToCustomer("account-1"), new AccountLinkedToErp("account-1", "ERP-1"));
    private static final List<Object> ACTIVITY_SCHEDULED = List.of(new ActivityScheduled("activity-1",
            ActivityKind.TASK, "Call back", null, LINKS, Instant.parse("2026-04-01T09:00:00Z"), REP, null));
    private static final List<Object> PRODUCT_CREATED = List.of(new ProductCreated("product-1", PRODUCT));
    private static final List<Object> LEAD_CAPTURED = List.of(new LeadCaptured("lead-1", new LeadDetails(null, null,
            "contact@dupont.fr", null, null, null, null, null, null, null, null, null, null), LeadSource.WEB_FORM, null,
            null, REP));
    private static final List<Object> DEAL_OPENED = List.of(new OpportunityOpened("opportunity-1", "account-1",
            "Presses", REP, "contact-1", null, "EUR", new BigDecimal("12000"), LocalDate.of(2026, 6, 30), "STANDARD",
            SalesStages.defaults().first()));
    private static final List<Object> ORGANISATION = List.of(new OrganisationFounded(ADMIN),
            new UserRegistered(ADMIN, "Admin", null, Profile.ADMINISTRATOR, null),
            new UserRegistered(MANAGER, "Manager", null, Profile.SALES_MANAGER, null),
            new UserRegistered(REP, "Rep", null, Profile.SALES_REP, MANAGER),
            new UserRegistered(OTHER_REP, "Other rep", null, Profile.SALES_REP, null),
            new UserRegistered(FORMER, "Former rep", null, Profile.SALES_REP, MANAGER),
            new UserDeactivated(FORMER, null),
            new TerritoryCreated("territory-1", "Rhône"),
            new TerritoryRuleAdded("territory-1", "rule-1", 1, new TerritoryCriteria("FR", "69", null, null)),
            new TerritoryMemberAdded("territory-1", REP));

    private static List<Sample> samples() {
        Map<LeadField, String> leadChanges = new EnumMap<>(LeadField.class);
        for (LeadField field : LeadField.values()) {
            leadChanges.put(field, field.valueIn(LEAD));
        }
        return List.of(
                sample(Account.class, List.of(), ADMIN, new CreateAccount("account-1", ACCOUNT, REP)),
                sample(Account.class, ACCOUNT_CREATED, ADMIN, new UpdateAccountDetails("account-1", new AccountDetails(
                        "Durand et Fils SA", "Durand & Fils", ACCOUNT.billingAddress(), ACCOUNT.deliveryAddress(),
                        ACCOUNT.phone(), ACCOUNT.website(), ACCOUNT.siren(), ACCOUNT.siret(), ACCOUNT.nafCode(), 130,
                        ACCOUNT.annualRevenue(), ACCOUNT.ownershipNotes(), ACCOUNT.paymentTerms(),
                        ACCOUNT.creditLimit(), ACCOUNT.purchaseVolume(), ACCOUNT.ourShare(), ACCOUNT.businessTarget()),
                        EnumSet.allOf(AccountField.class), null)),
                sample(Account.class, ACCOUNT_LINKED, STEWARD, new SyncAccountFromErp("account-1", new AccountDetails(
                        "Durand Group SA", null, new Address("3 rue Neuve", "69003", "Lyon", "FR"), null, null, null,
                        ACCOUNT.siren(), ACCOUNT.siret(), "62.02A", null, null, null, "45 days",
                        new BigDecimal("60000"), null, null, null),
                        EnumSet.copyOf(Arrays.stream(AccountField.values()).filter(AccountField::erpMastered)
                                .toList()))),
                sample(Account.class, ACCOUNT_CREATED, STEWARD, new FillAccountFromRegister("account-1", "SIRENE",
                        ACCOUNT.siret(), new AccountDetails("DURAND INDUSTRIES", null, new Address(
                        "12 AVENUE DES CHAMPS ELYSEES", "75008", "PARIS 8", "FR"), null, null, null, ACCOUNT.siren(),
                        ACCOUNT.siret(), "62.02A", null, null, null, null, null, null, null, null),
                        FillAccountFromRegister.REGISTER_FIELDS, null)),
                sample(Account.class, ACCOUNT_CREATED, ADMIN, new AssignAccountOwner("account-1", OTHER_REP, null)),
                sample(Account.class, with(ACCOUNT_CREATED, new AccountPromotedToCustomer("account-1")), STEWARD,
                        new LinkAccountToErp("account-1", "ERP-1", null)),
                sample(Account.class, ACCOUNT_CREATED, ADMIN, new AddContact("account-1", "contact-2", CONTACT,
                        "lead-1")),
                sample(Account.class, ACCOUNT_CREATED, ADMIN, new UpdateContact("account-1", "contact-1",
                        new ContactDetails("Éloïse", "Durand-Morel", "Head buyer", List.of("e.durand@durand.fr"),
                                List.of("+33 6 00 00 00 01"), "A referral", DecisionRole.DECISION_MAKER, "Call first"),
                        null)),
                sample(Account.class, ACCOUNT_CREATED, ADMIN, new AttachConvertedLead("account-1", "lead-1",
                        "contact-1")),
                sample(Account.class, ACCOUNT_CREATED, STEWARD, new EraseContactPersonalData("account-1", "contact-1",
                        new ErasureRequest("Request of 2026-12-01", "DPO-2026-17"))),
                sample(Account.class, ACCOUNT_CREATED, ADMIN, new LinkContacts("account-1", "contact-1", "contact-9",
                        ContactLinkKind.COLLEAGUE)),
                sample(Account.class, ACCOUNT_CREATED, ADMIN, new MoveContact("account-1", "contact-1", "account-2",
                        null)),
                sample(Account.class, ACCOUNT_CREATED, ADMIN, new MergeAccountInto("account-1", "account-2", null)),
                sample(Account.class, ACCOUNT_CREATED, ADMIN, new DismissAccountDuplicate("account-1", "account-2")),

                sample(Activity.class, List.of(), ADMIN, new LogActivity("activity-1", ActivityKind.CALL, "Call",
                        "Discussed the renewal", LINKS, Instant.parse("2026-03-01T10:00:00Z"))),
                sample(Activity.class, List.of(), ADMIN, new ScheduleActivity("activity-1", ActivityKind.MEETING,
                        "Signing", "Bring the contract", LINKS, Instant.parse("2026-04-01T09:00:00Z"), REP,
                        Instant.parse("2026-03-31T09:00:00Z"))),
                sample(Activity.class, ACTIVITY_SCHEDULED, ADMIN, new CompleteActivity("activity-1", "Done", null)),
                sample(Activity.class, ACTIVITY_SCHEDULED, ADMIN, new RescheduleActivity("activity-1",
                        Instant.parse("2026-04-02T09:00:00Z"), Instant.parse("2026-04-01T09:00:00Z"), null)),
                sample(Activity.class, ACTIVITY_SCHEDULED, ADMIN, new ReassignActivity("activity-1", OTHER_REP, null)),

                sample(Product.class, List.of(), ADMIN, new CreateProduct("product-1", PRODUCT)),
                sample(Product.class, PRODUCT_CREATED, ADMIN, new UpdateProduct("product-1", new ProductDetails(
                        "P-2", "Press II", "A faster press", ProductKind.PRODUCT, "piece", 45), null)),
                sample(Product.class, PRODUCT_CREATED, ADMIN, new AddProductPrice("product-1", PRICE)),
                sample(Product.class, with(PRODUCT_CREATED, new ProductPriceAdded("product-1", PRICE)), ADMIN,
                        new RetireProductPrice("product-1", "price-1", LocalDate.of(2026, 6, 1))),

                sample(ExchangeRates.class, List.of(), ADMIN, SetExchangeRate.of("CHF", LocalDate.of(2026, 1, 1),
                        new BigDecimal("1.0512"))),
                sample(SalesTarget.class, List.of(), ADMIN, SetSalesTarget.of(REP, "2026-Q3",
                        new BigDecimal("150000"))),

                sample(Lead.class, List.of(), ADMIN, new CaptureLead("lead-1", LEAD, LeadSource.WEB_FORM,
                        "Spring campaign", new MarketingConsent(true, LocalDate.of(2026, 3, 1),
                        ConsentChannel.WEB_FORM, "2026-03"), REP)),
                sample(Lead.class, LEAD_CAPTURED, ADMIN, new UpdateLeadDetails("lead-1", leadChanges, null)),
                sample(Lead.class, LEAD_CAPTURED, ADMIN, new AssignLeadOwner("lead-1", OTHER_REP, null)),
                sample(Lead.class, LEAD_CAPTURED, ADMIN, new DisqualifyLead("lead-1", DisqualificationReason.OTHER,
                        "Moved abroad", null)),
                sample(Lead.class, with(LEAD_CAPTURED, new LeadQualified("lead-1", LeadStatus.NEW)), ADMIN,
                        new ConvertLead("lead-1", "account-1", "contact-1", null)),
                sample(Lead.class, LEAD_CAPTURED, ADMIN, new MergeLeadInto("lead-1", "lead-2", null)),
                sample(Lead.class, LEAD_CAPTURED, ADMIN, new WithdrawLeadConsent("lead-1", LocalDate.of(2026, 3, 2),
                        ConsentChannel.EMAIL, null)),
                sample(Lead.class, LEAD_CAPTURED, STEWARD, new EraseLeadPersonalData("lead-1",
                        new ErasureRequest("Request of 2026-12-01", "DPO-2026-17"))),
                sample(Lead.class, LEAD_CAPTURED, ADMIN, new DismissLeadDuplicate("lead-1", "lead-2")),

                sample(Opportunity.class, List.of(), ADMIN, new OpenOpportunity("opportunity-1", "account-1",
                        "Presses", REP, "contact-1", "lead-1", "EUR", new BigDecimal("12000"),
                        LocalDate.of(2026, 6, 30), "PARTNERS")),
                sample(Opportunity.class, DEAL_OPENED, ADMIN, new UpdateOpportunityDetails("opportunity-1",
                        "Presses 2026", "contact-2", null)),
                sample(Opportunity.class, DEAL_OPENED, ADMIN, new ChangeOpportunityStage("opportunity-1", "PROPOSAL",
                        null)),
                sample(Opportunity.class, DEAL_OPENED, ADMIN, new ChangeOpportunityAmount("opportunity-1",
                        new BigDecimal("15000.50"), null)),
                sample(Opportunity.class, DEAL_OPENED, ADMIN, new ChangeOpportunityCloseDate("opportunity-1",
                        LocalDate.of(2026, 7, 31), null)),
                sample(Opportunity.class, DEAL_OPENED, ADMIN, new AddOpportunityLineItem("opportunity-1", LINE, null)),
                sample(Opportunity.class, with(DEAL_OPENED, new OpportunityLineItemAdded("opportunity-1", LINE,
                        new BigDecimal("12000"), LINE.total())), ADMIN, new RemoveOpportunityLineItem("opportunity-1",
                        "line-1", null)),
                sample(Opportunity.class, DEAL_OPENED, ADMIN, new AssignOpportunityOwner("opportunity-1", OTHER_REP,
                        null)),
                sample(Opportunity.class, DEAL_OPENED, ADMIN, new CloseOpportunityLost("opportunity-1",
                        LossReason.OTHER, "Budget frozen", null)),
                sample(Opportunity.class, with(DEAL_OPENED, new OpportunityLost("opportunity-1", LossReason.PRICE,
                        null, LocalDate.of(2026, 3, 1), SalesStages.defaults().first())), ADMIN,
                        new ReopenOpportunity("opportunity-1", "PROPOSAL", null)),

                sample(Organisation.class, List.of(), SYSTEM, new FoundOrganisation(ADMIN, "Administrator")),
                sample(Organisation.class, ORGANISATION, ADMIN, new RegisterUser("new-rep", "New Rep",
                        "new.rep@example.fr", Profile.SALES_REP, MANAGER)),
                sample(Organisation.class, ORGANISATION, ADMIN, new ChangeUserProfile(OTHER_REP,
                        Profile.SALES_MANAGER)),
                sample(Organisation.class, ORGANISATION, ADMIN, new MoveUser(OTHER_REP, MANAGER)),
                sample(Organisation.class, ORGANISATION, ADMIN, new DeactivateUser(OTHER_REP, REP)),
                sample(Organisation.class, ORGANISATION, ADMIN, new ReactivateUser(FORMER)),
                sample(Organisation.class, ORGANISATION, ADMIN, new EvictDeadLetter("leads", "event-1",
                        "LeadDetailsUpdated", "lead-1", "java.lang.IllegalStateException", "Mended in the ERP")),
                sample(Organisation.class, ORGANISATION, ADMIN, new ReassignRecords(OTHER_REP, REP)),
                sample(Organisation.class, ORGANISATION, ADMIN, new CreateTerritory("territory-2", "Loire")),
                sample(Organisation.class, ORGANISATION, ADMIN, new AddTerritoryRule("territory-1", "rule-2", 5,
                        new TerritoryCriteria("FR", "42", "62", CompanySize.SMALL))),
                sample(Organisation.class, ORGANISATION, ADMIN, new RemoveTerritoryRule("territory-1", "rule-1")),
                sample(Organisation.class, ORGANISATION, ADMIN, new AddTerritoryMember("territory-1", OTHER_REP)),
                sample(Organisation.class, ORGANISATION, ADMIN, new RemoveTerritoryMember("territory-1", REP)),
                sample(Organisation.class, ORGANISATION, ADMIN, new SetDefaultLeadOwner(REP)),
                sample(Export.class, List.of(), REP, new RecordListExport("export-1", "leads", "CSV",
                        "status=NEW&q=dupont")),
                sample(Import.class, List.of(), ADMIN, new StartImport("import-1", ImportKind.LEADS, "salon.csv",
                        "0".repeat(64), 12, "Salon Lyon 2026", REP)),
                sample(Import.class, List.of(new ImportStarted("import-1", ADMIN, ImportKind.LEADS, "salon.csv",
                        "0".repeat(64), 12, null, null)), OrganisationIds.IMPORT,
                        new FinishImport("import-1", new ImportCounts(12, 10, 1, 1), "The database stopped")),
                sample(WebForm.class, List.of(), ADMIN, new RegisterWebForm("form-1", "wf_4kQ9xZ2mB7nR5tY8vW3c",
                        WEB_FORM)),
                sample(WebForm.class, List.of(new WebFormRegistered("form-1", "wf_4kQ9xZ2mB7nR5tY8vW3c", WEB_FORM)),
                        ADMIN, new ChangeWebForm("form-1", new WebFormSettings("Contact page", List.of(
                        "https://www.example.fr", "https://example.fr"), null, null, "J'accepte les offres de Relais",
                        "2026-12", "https://www.example.fr/merci?from=contact"), 0L)),
                sample(Webhook.class, List.of(), ADMIN, new RegisterWebhook("webhook-1", WEBHOOK, "secret-1")),
                sample(Webhook.class, List.of(new WebhookRegistered("webhook-1", WEBHOOK, "secret-1")), ADMIN,
                        new ChangeWebhook("webhook-1", new WebhookSettings("https://erp.example.fr/relais/v2",
                                List.of("OpportunityWon", "AccountPromotedToCustomer"), List.of("ACCOUNT"),
                                "ERP: customers"), "secret-2", 0L)),
                sample(Webhook.class, List.of(new WebhookRegistered("webhook-1", WEBHOOK, "secret-1")),
                        OrganisationIds.WEBHOOKS, new SuspendWebhook("webhook-1", "Failed for 24 hours")),
                sample(WorkflowRule.class, List.of(), ADMIN, new DefineWorkflowRule("rule-1", RULE)),
                sample(WorkflowRule.class, List.of(new WorkflowRuleDefined("rule-1", RULE)), ADMIN,
                        new ChangeWorkflowRule("rule-1", new WorkflowRuleSettings("Partner leads", "LeadCaptured",
                                "event.source == 'PARTNER_FILE'", new WorkflowAction(WorkflowActionKind.REASSIGN,
                                null, null, null, REP, null)), 0L)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // The tests
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void everyCommandWithValuesHasASample() {
        Set<Class<?>> sampled = samples().stream().map(sample -> sample.command().getClass())
                .collect(Collectors.toSet());
        List<String> missing = commandClasses().stream()
                .filter(type -> !SYSTEM_ONLY.contains(type) && !CHECK_ONLY.contains(type) && !sampled.contains(type))
                .filter(CommandValueRangesTest::hasValues)
                .map(Class::getName).sorted().toList();

        assertThat(missing).as("commands with values but no sample in this test").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everySampleIsAcceptedAsItIs() {
        return samples().stream().map(sample -> DynamicTest.dynamicTest(sample.name(), () -> {
            Outcome outcome = sample.run(sample.command());
            assertThat(outcome.exception()).as("refusal of the sample itself").isNull();
            assertThat(outcome.events()).as("events of the sample").isNotEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyValueOutOfRangeIsRefusedOrNotStored() {
        return samples().stream().flatMap(sample -> valuesOf(sample.command()).stream()
                .flatMap(value -> POISONS.get(value.type()).stream().map(poison -> DynamicTest.dynamicTest(
                        sample.name() + "." + value.path() + " = " + describe(poison), () -> {
                            Outcome outcome = sample.run(value.with(poison));
                            if (outcome.exception() != null) {
                                assertThat(outcome.exception()).as("what refused it")
                                        .isInstanceOf(DomainException.class);
                            }
                            assertThat(outcome.events().stream().flatMap(event -> unstorable(event, "event")
                                    .stream()).toList()).as("unstorable values in the events").isEmpty();
                        }))));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Running a sample
    // ---------------------------------------------------------------------------------------------------------

    private record Sample(Class<?> aggregate, List<Object> history, String actor, Object command) {

        String name() {
            return command.getClass().getSimpleName();
        }

        Outcome run(Object command) {
            FixtureConfiguration<?> fixture = fixture(aggregate);
            ResultValidator<?> result = (history.isEmpty() ? fixture.givenNoPriorActivity() : fixture.given(history))
                    .when(command, Map.of(AuditMetadata.USER_ID, actor));
            AtomicReference<Object> published = new AtomicReference<>();
            result.expectEventsMatching(capturing(published::set));
            List<Object> events = ((List<?>) published.get()).stream()
                    .map(event -> ((EventMessage<?>) event).getPayload()).collect(Collectors.toList());
            AtomicReference<Object> exception = new AtomicReference<>();
            try {
                result.expectException(capturing(exception::set));
            } catch (AxonAssertionError accepted) {
                // no exception: the command was accepted
            }
            return new Outcome(exception.get(), events);
        }
    }

    private record Outcome(Object exception, List<Object> events) {
    }

    private static Sample sample(Class<?> aggregate, List<Object> history, String actor, Object command) {
        return new Sample(aggregate, history, actor, command);
    }

    private static FixtureConfiguration<?> fixture(Class<?> aggregate) {
        FixtureConfiguration<?> fixture = new AggregateTestFixture<>(aggregate);
        fixture.registerInjectableResource(new InMemoryOrganisationDirectory(TestOrganisation.salesTeam())
                .authorization());
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new InMemoryDataSubjectKeys());
        fixture.registerInjectableResource(SalesStages.defaults());
        fixture.registerInjectableResource(new ReportingCurrency("EUR"));
        fixture.registerInjectableResource((OwnedRecords) userId -> List.of());
        fixture.registerInjectableResource((OtherAccounts) accountId -> Optional.empty());
        fixture.registerInjectableResource((OtherLeads) leadId -> Optional.empty());
        fixture.registerInjectableResource(new ProductCodes() {
            @Override
            public String claim(String codeKey, String productId) {
                return productId;
            }

            @Override
            public void release(String codeKey, String productId) {
            }
        });
        return fixture;
    }

    /** Matches anything, handing it to {@code capture}: how the fixture lets one look at what happened. */
    private static <T> Matcher<T> capturing(Consumer<Object> capture) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                capture.accept(actual);
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("anything");
            }
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // The values of a command, and a copy with one of them replaced
    // ---------------------------------------------------------------------------------------------------------

    /** A value somewhere in a command, and the whole command with it replaced. */
    private record Value(String path, Class<?> type, Function<Object, Object> replacement) {

        Object with(Object value) {
            return replacement.apply(value);
        }
    }

    /**
     * The texts, dates, instants, amounts and whole numbers of a record, nested value objects, lists and maps
     * included; not the routing identifier and expected version, which are the aggregate's address rather than
     * its content (a path cannot carry a NUL: Tomcat refuses it).
     */
    private static List<Value> valuesOf(Object command) {
        List<Value> values = new ArrayList<>();
        collect(command, "", Function.identity(), values, true);
        return values;
    }

    private static void collect(Object record, String prefix, Function<Object, Object> root, List<Value> values,
                                boolean command) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (command && (annotated(component, TargetAggregateIdentifier.class)
                    || isExpectedVersion(component))) {
                continue;
            }
            Object value = read(component, record);
            String path = prefix + component.getName();
            Function<Object, Object> with = replacement -> root.apply(copy(record, component, replacement));
            Class<?> type = component.getType() == int.class ? Integer.class : component.getType();
            if (POISONS.containsKey(type)) {
                values.add(new Value(path, type, with));
            } else if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    int index = i;
                    if (list.get(i) instanceof String) {
                        values.add(new Value(path + "[" + i + "]", String.class, replacement -> {
                            List<Object> copy = new ArrayList<>(list);
                            copy.set(index, replacement);
                            return with.apply(copy);
                        }));
                    }
                }
            } else if (value instanceof Map<?, ?> map) {
                for (Object key : map.keySet()) {
                    if (map.get(key) instanceof String) {
                        values.add(new Value(path + "[" + key + "]", String.class, replacement -> {
                            Map<Object, Object> copy = new LinkedHashMap<>(map);
                            copy.put(key, replacement);
                            return with.apply(copy);
                        }));
                    }
                }
            } else if (value != null && value.getClass().isRecord()) {
                collect(value, path + ".", with, values, false);
            }
        }
    }

    private static boolean annotated(RecordComponent component, Class<? extends java.lang.annotation.Annotation> type) {
        try {
            AnnotatedElement field = component.getDeclaringRecord().getDeclaredField(component.getName());
            return field.isAnnotationPresent(type) || component.getAccessor().isAnnotationPresent(type);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object copy(Object record, RecordComponent replaced, Object replacement) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            arguments[i] = components[i].getName().equals(replaced.getName()) ? replacement
                    : read(components[i], record);
        }
        try {
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(Arrays.stream(components)
                    .map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // What PostgreSQL and the read models cannot hold
    // ---------------------------------------------------------------------------------------------------------

    private static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2999, 12, 31);
    private static final BigDecimal AMOUNT_LIMIT = new BigDecimal("1E+15");

    /** The values in {@code value} (an event, deeply) that a column or a projection could choke on. */
    private static List<String> unstorable(Object value, String path) {
        List<String> found = new ArrayList<>();
        if (value instanceof String text) {
            if (text.indexOf('\u0000') >= 0 || text.length() > LONGEST_TEXT
                    || text.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
                found.add(path + " = " + describe(text));
            }
        } else if (value instanceof LocalDate date) {
            if (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)) {
                found.add(path + " = " + date);
            }
        } else if (value instanceof Instant instant) {
            if (instant.isBefore(FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant())
                    || !instant.isBefore(LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
                found.add(path + " = " + instant);
            }
        } else if (value instanceof BigDecimal amount) {
            if (amount.signum() < 0 || amount.compareTo(AMOUNT_LIMIT) >= 0 || amount.scale() > 8) {
                found.add(path + " = " + amount);
            }
        } else if (value instanceof Integer number) {
            if (number == Integer.MIN_VALUE || number == Integer.MAX_VALUE) {
                found.add(path + " = " + number);
            }
        } else if (value instanceof Iterable<?> items) {
            int i = 0;
            for (Object item : items) {
                found.addAll(unstorable(item, path + "[" + i++ + "]"));
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> found.addAll(unstorable(item, path + "[" + key + "]")));
        } else if (value != null && value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                found.addAll(unstorable(read(component, value), path + "." + component.getName()));
            }
        }
        return found;
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        String shown = text.length() > 20 ? text.substring(0, 12) + "…(" + text.length() + " chars)" : text;
        return shown.codePoints().mapToObj(c -> c < 0x20 || c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE
                ? String.format("\\u%04x", c) : Character.toString(c)).collect(Collectors.joining());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Finding every command
    // ---------------------------------------------------------------------------------------------------------

    /** Every record under io.relais that addresses an aggregate: the commands. */
    private static List<Class<?>> commandClasses() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        // records only, read from their class files before loading: other classes on the test class path (the
        // shared test fixtures' neighbours) may need libraries this module's tests do not have
        scanner.addIncludeFilter((reader, factory) -> Record.class.getName().equals(
                reader.getClassMetadata().getSuperClassName()));
        List<Class<?>> commands = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("io.relais")) {
            try {
                Class<?> type = Class.forName(definition.getBeanClassName());
                if (type.isRecord() && (Arrays.stream(type.getRecordComponents())
                        .anyMatch(component -> annotated(component, TargetAggregateIdentifier.class))
                        || Arrays.stream(type.getMethods())
                        .anyMatch(method -> method.isAnnotationPresent(TargetAggregateIdentifier.class)))) {
                    commands.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(commands).as("commands found on the class path").hasSizeGreaterThan(50);
        return commands;
    }

    /** The version the client expects (If-Match), checked by {@link ExpectedVersion}: not a value. */
    private static boolean isExpectedVersion(RecordComponent component) {
        return component.getName().equals("expectedVersion");
    }

    /** Whether a command carries values beyond its aggregate's address: texts, dates, amounts, numbers, objects. */
    private static boolean hasValues(Class<?> type) {
        return Arrays.stream(type.getRecordComponents()).anyMatch(component ->
                !annotated(component, TargetAggregateIdentifier.class)
                        && !isExpectedVersion(component) && !component.getType().isEnum()
                        && component.getType() != boolean.class && component.getType() != Boolean.class);
    }

    private static List<Object> with(List<Object> history, Object... more) {
        List<Object> events = new ArrayList<>(history);
        events.addAll(List.of(more));
        return events;
    }
}
