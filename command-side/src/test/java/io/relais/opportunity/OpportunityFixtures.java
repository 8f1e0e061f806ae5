package io.relais.opportunity;

import io.relais.account.OtherAccounts;
import io.relais.catalogue.ProductPrice;
import io.relais.common.CommandFixtures;
import io.relais.common.ConflictException;
import io.relais.common.InvalidFieldException;
import io.relais.common.InvalidTransitionException;
import io.relais.common.NotPermittedException;
import io.relais.common.RecordNotFoundException;
import io.relais.common.RefusalMatchers;
import io.relais.organisation.Profile;
import io.relais.organisation.TestOrganisation;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.relais.organisation.TestOrganisation.MANAGER;
import static io.relais.organisation.TestOrganisation.REP;

/**
 * What the fixture tests of the opportunity aggregate ({@link OpportunityTest}) use: the organisation, the
 * sales stages and the clock, sample deals and lines, histories and matchers.
 *
 * <p>Who is who: {@link TestOrganisation#salesTeam()}, with one more rep under the manager ({@link #REP_1}). Unless a
 * test names the actor, commands are sent by OWNER, the rep who owns the deal of most histories here.
 */
final class OpportunityFixtures {

    static final String OPPORTUNITY_ID = "opportunity-7";
    static final String ACCOUNT_ID = "account-7";
    /** The account {@link #ACCOUNT_ID} is merged into. */
    static final String SURVIVOR_ID = "account-8";
    static final String CONTACT_ID = "contact-1";
    static final String OTHER_CONTACT_ID = "contact-2";
    static final String LEAD_ID = "lead-42";
    static final String NAME = "Press renewal";
    static final BigDecimal AMOUNT = new BigDecimal("12000");
    static final LocalDate CLOSE_DATE = LocalDate.of(2026, 6, 30);
    static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    /** The rep who owns the records of most histories here. */
    static final String OWNER = REP;
    static final String REP_1 = "rep-1";
    static final String SYSTEM = "system:record-transfer";

    /** The default stages, with their figures written out so that the tests do not read them from the code. */
    static final SalesStage PROSPECTING = new SalesStage("PROSPECTING", 10, ForecastCategory.PIPELINE);
    static final SalesStage QUALIFICATION = new SalesStage("QUALIFICATION", 20, ForecastCategory.PIPELINE);
    static final SalesStage PROPOSAL = new SalesStage("PROPOSAL", 50, ForecastCategory.BEST_CASE);
    static final SalesStage NEGOTIATION = new SalesStage("NEGOTIATION", 80, ForecastCategory.COMMIT);

    /** Three presses at 1200 less 10 %, costing 700 each: 3240.00. */
    static final LineItem PRESSES = new LineItem("line-1", "product-7", "Offset press", "price-1",
            new BigDecimal("3"), new BigDecimal("1200"), new BigDecimal("10"), new BigDecimal("700"));
    static final BigDecimal PRESSES_TOTAL = new BigDecimal("3240.00");

    /** Two installation days at 650, without discount or cost: 1300.00. */
    static final LineItem INSTALLATION = new LineItem("line-2", "product-8", "Installation day", "price-2",
            new BigDecimal("2"), new BigDecimal("650"), null, null);
    static final BigDecimal INSTALLATION_TOTAL = new BigDecimal("1300.00");

    /** {@link #PRESSES_TOTAL} and {@link #INSTALLATION_TOTAL}. */
    static final BigDecimal LINES_TOTAL = new BigDecimal("4540.00");

    private OpportunityFixtures() {
    }

    /** A fixture over the organisation above with the default stages, at {@link #NOW}, sending as OWNER. */
    static FixtureConfiguration<Opportunity> opportunityFixture() {
        return opportunityFixture(SalesStages.defaults());
    }

    /** A fixture over the organisation above with these stages, at {@link #NOW}, sending as OWNER. */
    static FixtureConfiguration<Opportunity> opportunityFixture(SalesStages stages) {
        return opportunityFixture(stages, accountId -> Optional.empty());
    }

    /** The same, where {@code accounts} tells what the read model knows of the deals' accounts. */
    static FixtureConfiguration<Opportunity> opportunityFixture(SalesStages stages, OtherAccounts accounts) {
        TestOrganisation organisation = TestOrganisation.salesTeam().add(REP_1, Profile.SALES_REP, MANAGER);
        FixtureConfiguration<Opportunity> fixture = CommandFixtures.fixture(Opportunity.class, organisation, OWNER);
        fixture.registerInjectableResource(stages);
        fixture.registerInjectableResource(accounts);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        return fixture;
    }

    static DealBuilder deal() {
        return new DealBuilder();
    }

    /** The deal of {@link #deal()}: OWNER's, in PROSPECTING, for {@link #AMOUNT} EUR. */
    static OpportunityOpened opened() {
        return deal().opened();
    }

    /** {@link #opened()}; at version 0. */
    static List<Object> openDeal() {
        return List.of(opened());
    }

    /** {@link #opened()} with the lines {@link #PRESSES} and {@link #INSTALLATION}; at version 2. */
    static List<Object> lined() {
        return List.of(opened(), new OpportunityLineItemAdded(OPPORTUNITY_ID, PRESSES, AMOUNT, PRESSES_TOTAL),
                new OpportunityLineItemAdded(OPPORTUNITY_ID, INSTALLATION, PRESSES_TOTAL, LINES_TOTAL));
    }

    /** {@link #opened()} moved to PROPOSAL; at version 1. */
    static List<Object> inProposal() {
        return List.of(opened(), new OpportunityStageChanged(OPPORTUNITY_ID, PROSPECTING, PROPOSAL));
    }

    /** {@link #inProposal()} closed as won today; at version 2. */
    static List<Object> won() {
        return with(inProposal(), new OpportunityWon(OPPORTUNITY_ID, ACCOUNT_ID, OWNER, "EUR", AMOUNT, TODAY,
                PROPOSAL));
    }

    /** {@link #inProposal()} lost to a competitor today; at version 2. */
    static List<Object> lost() {
        return with(inProposal(), new OpportunityLost(OPPORTUNITY_ID, LossReason.COMPETITOR, null, TODAY,
                PROPOSAL));
    }

    /** {@link #won()} or {@link #lost()}. */
    static List<Object> closed(OpportunityStatus status) {
        return switch (status) {
            case WON -> won();
            case LOST -> lost();
            case OPEN -> throw new IllegalArgumentException("An open deal is not closed");
        };
    }

    static List<Object> with(List<Object> history, Object... more) {
        List<Object> events = new ArrayList<>(history);
        events.addAll(List.of(more));
        return events;
    }

    /**
     * A deal field by field, as the command that opens it and as the event that records it; by default OWNER's
     * {@link #NAME} with {@link #CONTACT_ID} from {@link #LEAD_ID}, {@link #AMOUNT} EUR closing on
     * {@link #CLOSE_DATE}, in the standard price list and in PROSPECTING.
     */
    static final class DealBuilder {
        private String opportunityId = OPPORTUNITY_ID;
        private String accountId = ACCOUNT_ID;
        private String name = NAME;
        private String ownerId = OWNER;
        private String primaryContactId = CONTACT_ID;
        private String leadId = LEAD_ID;
        private String currency = "EUR";
        private BigDecimal amount = AMOUNT;
        private LocalDate expectedCloseDate = CLOSE_DATE;
        private String priceList = ProductPrice.STANDARD;
        private SalesStage stage = PROSPECTING;

        DealBuilder opportunityId(String value) {
            opportunityId = value;
            return this;
        }

        DealBuilder accountId(String value) {
            accountId = value;
            return this;
        }

        DealBuilder name(String value) {
            name = value;
            return this;
        }

        DealBuilder ownerId(String value) {
            ownerId = value;
            return this;
        }

        DealBuilder primaryContactId(String value) {
            primaryContactId = value;
            return this;
        }

        DealBuilder leadId(String value) {
            leadId = value;
            return this;
        }

        DealBuilder currency(String value) {
            currency = value;
            return this;
        }

        DealBuilder amount(String value) {
            amount = value == null ? null : new BigDecimal(value);
            return this;
        }

        DealBuilder amount(BigDecimal value) {
            amount = value;
            return this;
        }

        DealBuilder expectedCloseDate(LocalDate value) {
            expectedCloseDate = value;
            return this;
        }

        DealBuilder priceList(String value) {
            priceList = value;
            return this;
        }

        DealBuilder stage(SalesStage value) {
            stage = value;
            return this;
        }

        OpenOpportunity open() {
            return new OpenOpportunity(opportunityId, accountId, name, ownerId, primaryContactId, leadId, currency,
                    amount, expectedCloseDate, priceList);
        }

        OpportunityOpened opened() {
            return new OpportunityOpened(opportunityId, accountId, name, ownerId, primaryContactId, leadId, currency,
                    amount, expectedCloseDate, priceList, stage);
        }
    }

    /** {@link #PRESSES} as another line. */
    static LineItem presses(String lineId) {
        return new LineItem(lineId, PRESSES.productId(), PRESSES.productName(), PRESSES.priceId(), PRESSES.quantity(),
                PRESSES.unitPrice(), PRESSES.discountPercent(), PRESSES.unitCost());
    }

    /** Matches an {@link InvalidFieldException} for {@code field} with the stable {@code code}. */
    static Matcher<InvalidFieldException> invalidField(String field, String code) {
        return RefusalMatchers.invalidField(field, code);
    }

    /** Matches a {@link ConflictException} for {@code field} with the stable {@code code}. */
    static Matcher<ConflictException> conflict(String field, String code) {
        return RefusalMatchers.conflict(field, code);
    }

    /** Matches a {@link NotPermittedException}. */
    static Matcher<Throwable> forbidden() {
        return RefusalMatchers.forbidden();
    }

    /** Matches a {@link RecordNotFoundException} for the deal, as answered to who may not see it. */
    static Matcher<Throwable> notFound() {
        return notFound(OPPORTUNITY_ID);
    }

    /** Matches a {@link RecordNotFoundException} for {@code id}. */
    static Matcher<Throwable> notFound(String id) {
        return RefusalMatchers.notFound(id);
    }

    /** Matches an {@link InvalidTransitionException} refused because the deal is in {@code status}. */
    static Matcher<InvalidTransitionException> invalidTransition(OpportunityStatus status) {
        return RefusalMatchers.invalidTransition(status.name());
    }
}
