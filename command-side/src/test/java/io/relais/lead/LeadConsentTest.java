package io.relais.lead;

import io.relais.personaldata.ErasureRequest;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;

import static io.relais.common.CommandFixtures.as;
import static io.relais.common.RefusalMatchers.conflict;
import static io.relais.lead.LeadFixtures.LEAD_ID;
import static io.relais.lead.LeadFixtures.NOW;
import static io.relais.lead.LeadFixtures.OWNER;
import static io.relais.lead.LeadFixtures.emailOnly;
import static io.relais.lead.LeadFixtures.forbidden;
import static io.relais.lead.LeadFixtures.invalidField;
import static io.relais.lead.LeadFixtures.invalidTransition;
import static io.relais.lead.LeadFixtures.leadFixture;
import static io.relais.lead.LeadFixtures.leadIn;
import static io.relais.lead.LeadFixtures.with;
import static io.relais.organisation.TestOrganisation.ANALYST;

/** Withdrawing a lead's consent to marketing: what is recorded, when it changes nothing, and what is refused. */
class LeadConsentTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    private static final MarketingConsent GRANTED = new MarketingConsent(true, LocalDate.of(2024, 11, 20),
            ConsentChannel.WEB_FORM, "2024-11");
    private static final MarketingConsent WITHDRAWN = new MarketingConsent(false, LocalDate.of(2025, 3, 7),
            ConsentChannel.EMAIL, null);

    private FixtureConfiguration<Lead> fixture;

    @BeforeEach
    void setUp() {
        fixture = leadFixture(NOW);
    }

    @Test
    void aWithdrawalRecordsTheRefusalAndTheConsentItReplaces() {
        fixture.given(capturedWith(GRANTED))
                .when(new WithdrawLeadConsent(LEAD_ID, WITHDRAWN.date(), ConsentChannel.EMAIL, null))
                .expectEvents(new LeadConsentWithdrawn(LEAD_ID, WITHDRAWN, GRANTED))
                .expectResultMessagePayload(1L);
    }

    @Test
    void withoutADateTheWithdrawalIsDatedToday() {
        fixture.given(capturedWith(GRANTED))
                .when(new WithdrawLeadConsent(LEAD_ID, null, ConsentChannel.PHONE, null), as(OWNER))
                .expectEvents(new LeadConsentWithdrawn(LEAD_ID,
                        new MarketingConsent(false, TODAY, ConsentChannel.PHONE, null), GRANTED));
    }

    @Test
    void aPersonWhoNeverConsentedCanObjectAndItIsKept() {
        fixture.given(leadIn(LeadStatus.NEW))
                .when(new WithdrawLeadConsent(LEAD_ID, WITHDRAWN.date(), ConsentChannel.EMAIL, null))
                .expectEvents(new LeadConsentWithdrawn(LEAD_ID, WITHDRAWN, null));
    }

    @Test
    void aSecondWithdrawalChangesNothing() {
        fixture.given(with(capturedWith(GRANTED), new LeadConsentWithdrawn(LEAD_ID, WITHDRAWN, GRANTED)))
                .when(new WithdrawLeadConsent(LEAD_ID, TODAY, ConsentChannel.PAPER_FORM, null))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void aRefusalGivenAtCaptureIsAlreadyAWithdrawal() {
        fixture.given(capturedWith(new MarketingConsent(false, LocalDate.of(2025, 1, 3), ConsentChannel.WEB_FORM,
                        null)))
                .when(new WithdrawLeadConsent(LEAD_ID, TODAY, ConsentChannel.EMAIL, null))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = LeadStatus.class, names = {"WORKING", "QUALIFIED", "DISQUALIFIED", "CONVERTED"})
    void theRefusalIsKeptWhateverTheLeadsStatus(LeadStatus status) {
        List<Object> history = leadIn(status);
        fixture.given(history)
                .when(new WithdrawLeadConsent(LEAD_ID, WITHDRAWN.date(), ConsentChannel.EMAIL, null))
                .expectEvents(new LeadConsentWithdrawn(LEAD_ID, WITHDRAWN, null));
    }

    @Test
    void aMergedLeadRefersToItsSurvivor() {
        fixture.given(leadIn(LeadStatus.MERGED))
                .when(new WithdrawLeadConsent(LEAD_ID, TODAY, ConsentChannel.EMAIL, null))
                .expectNoEvents()
                .expectException(invalidTransition(LeadStatus.MERGED));
    }

    @Test
    void anErasedLeadHasNoConsentToRecord() {
        fixture.given(with(capturedWith(GRANTED), new LeadPersonalDataErased(LEAD_ID,
                        new ErasureRequest("Request by e-mail", null), null, null)))
                .when(new WithdrawLeadConsent(LEAD_ID, TODAY, ConsentChannel.EMAIL, null))
                .expectNoEvents()
                .expectException(conflict("consent", "personal-data-erased"));
    }

    @Test
    void refusesAWithdrawalWithoutAChannel() {
        fixture.given(capturedWith(GRANTED))
                .when(new WithdrawLeadConsent(LEAD_ID, TODAY, null, null))
                .expectNoEvents()
                .expectException(invalidField("channel", "required"));
    }

    @Test
    void refusesAWithdrawalDatedInTheFuture() {
        fixture.given(capturedWith(GRANTED))
                .when(new WithdrawLeadConsent(LEAD_ID, TODAY.plusDays(2), ConsentChannel.EMAIL, null))
                .expectNoEvents()
                .expectException(invalidField("date", "date-in-future"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1899-12-31", "0001-01-01"})
    void refusesAWithdrawalDatedBefore1900(String date) {
        fixture.given(capturedWith(GRANTED))
                .when(new WithdrawLeadConsent(LEAD_ID, LocalDate.parse(date), ConsentChannel.EMAIL, null))
                .expectNoEvents()
                .expectException(invalidField("date", "out-of-range"));
    }

    @Test
    void anAnalystMayNotRecordIt() {
        fixture.given(capturedWith(GRANTED))
                .when(new WithdrawLeadConsent(LEAD_ID, TODAY, ConsentChannel.EMAIL, null), as(ANALYST))
                .expectNoEvents()
                .expectException(forbidden());
    }

    private static List<Object> capturedWith(MarketingConsent consent) {
        return List.of(new LeadCaptured(LEAD_ID, emailOnly(), LeadSource.WEB_FORM, null, consent, OWNER));
    }
}
