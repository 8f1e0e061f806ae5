package io.relais.lead;

import io.relais.common.InvalidFieldException;
import io.relais.common.InvalidTransitionException;
import io.relais.common.NotPermittedException;
import io.relais.common.RecordNotFoundException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Map;

import static io.relais.organisation.TestOrganisation.AUDITOR;
import static io.relais.lead.LeadFixtures.OWNER;
import static io.relais.organisation.TestOrganisation.PEER;
import static io.relais.common.CommandFixtures.as;
import static io.relais.common.RefusalMatchers.staleVersion;
import static io.relais.lead.LeadFixtures.leadFixture;

/**
 * {@link ConvertLead}: only a qualified lead converts, a retry changes nothing, a converted lead is final;
 * {@link CheckLeadConversion} refuses what the conversion would refuse and writes nothing. Over the
 * organisation of {@link LeadFixtures}, commands sent by OWNER unless a test names the actor: their manager and an
 * administrator may convert too; PEER, a sales rep beside them, may not see the lead; AUDITOR may not change it.
 */
class LeadConversionCommandTest {

    private static final String LEAD = "lead-1";
    private static final String ACCOUNT = "account-1";
    private static final String CONTACT = "contact-1";
    private static final LeadDetails DETAILS = new LeadDetails("Léa", "Fontaine", "lea@example.fr", null, "Étoile",
            null, null, null, null, null, null, null, null);

    private FixtureConfiguration<Lead> fixture;

    @BeforeEach
    void setUp() {
        fixture = leadFixture(Instant.parse("2026-11-23T10:00:00Z"), OWNER);
    }

    @Test
    void aQualifiedLeadConverts() {
        fixture.given(captured(), new LeadQualified(LEAD, LeadStatus.NEW))
                .when(new ConvertLead(LEAD, ACCOUNT, CONTACT, null))
                .expectEvents(new LeadConverted(LEAD, ACCOUNT, CONTACT, LeadStatus.QUALIFIED))
                .expectResultMessagePayload(2L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"manager", "admin"})
    void theOwnersManagerAndAnAdministratorMayConvert(String actor) {
        fixture.given(captured(), new LeadQualified(LEAD, LeadStatus.NEW))
                .when(new ConvertLead(LEAD, ACCOUNT, CONTACT, null), as(actor))
                .expectEvents(new LeadConverted(LEAD, ACCOUNT, CONTACT, LeadStatus.QUALIFIED));
    }

    @Test
    void aLeadNotYetQualifiedIsRefused() {
        fixture.given(captured(), new LeadWorkStarted(LEAD))
                .when(new ConvertLead(LEAD, ACCOUNT, CONTACT, null))
                .expectNoEvents()
                .expectException(InvalidTransitionException.class);
    }

    @Test
    void aDisqualifiedLeadIsRefused() {
        fixture.given(captured(), new LeadDisqualified(LEAD, DisqualificationReason.NO_NEED, null, LeadStatus.NEW))
                .when(new ConvertLead(LEAD, ACCOUNT, CONTACT, null))
                .expectNoEvents()
                .expectException(InvalidTransitionException.class);
    }

    @Test
    void convertingAgainIntoTheSameAccountAndContactChangesNothing() {
        fixture.given(captured(), new LeadQualified(LEAD, LeadStatus.NEW),
                        new LeadConverted(LEAD, ACCOUNT, CONTACT, LeadStatus.QUALIFIED))
                .when(new ConvertLead(LEAD, ACCOUNT, CONTACT, null))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void convertingAgainIntoAnotherAccountIsRefused() {
        fixture.given(captured(), new LeadQualified(LEAD, LeadStatus.NEW),
                        new LeadConverted(LEAD, ACCOUNT, CONTACT, LeadStatus.QUALIFIED))
                .when(new ConvertLead(LEAD, "account-2", CONTACT, null))
                .expectNoEvents()
                .expectException(InvalidTransitionException.class);
    }

    @Test
    void aBadAccountIdIsRefused() {
        fixture.given(captured(), new LeadQualified(LEAD, LeadStatus.NEW))
                .when(new ConvertLead(LEAD, "not an id!", CONTACT, null))
                .expectNoEvents()
                .expectException(InvalidFieldException.class);
    }

    @Test
    void someoneWhoMayNotSeeTheLeadGetsNotFound() {
        fixture.given(captured(), new LeadQualified(LEAD, LeadStatus.NEW))
                .when(new ConvertLead(LEAD, ACCOUNT, CONTACT, null), as(PEER))
                .expectNoEvents()
                .expectException(RecordNotFoundException.class);
    }

    @Test
    void anAuditorMayNotConvert() {
        fixture.given(captured(), new LeadQualified(LEAD, LeadStatus.NEW))
                .when(new ConvertLead(LEAD, ACCOUNT, CONTACT, null), as(AUDITOR))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }

    @Test
    void theCheckOfAConversionTheLeadWouldTakeWritesNothing() {
        fixture.given(captured(), new LeadQualified(LEAD, LeadStatus.NEW))
                .when(new CheckLeadConversion(LEAD, ACCOUNT, CONTACT, 1L))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void theCheckRefusesAStaleVersionAsTheConversionWould() {
        fixture.given(captured(), new LeadQualified(LEAD, LeadStatus.NEW))
                .when(new CheckLeadConversion(LEAD, ACCOUNT, CONTACT, 0L))
                .expectNoEvents()
                .expectException(staleVersion(0, 1));
    }

    @Test
    void theCheckRefusesALeadNotYetQualifiedAsTheConversionWould() {
        fixture.given(captured(), new LeadWorkStarted(LEAD))
                .when(new CheckLeadConversion(LEAD, ACCOUNT, CONTACT, null))
                .expectNoEvents()
                .expectException(InvalidTransitionException.class);
    }

    @Test
    void theCheckRefusesAnAuditorAsTheConversionWould() {
        fixture.given(captured(), new LeadQualified(LEAD, LeadStatus.NEW))
                .when(new CheckLeadConversion(LEAD, ACCOUNT, CONTACT, null), as(AUDITOR))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }

    @Test
    void aConvertedLeadIsNoLongerUpdated() {
        fixture.given(captured(), new LeadQualified(LEAD, LeadStatus.NEW),
                        new LeadConverted(LEAD, ACCOUNT, CONTACT, LeadStatus.QUALIFIED))
                .when(new UpdateLeadDetails(LEAD, Map.of(LeadField.CITY, "Lyon"), null))
                .expectNoEvents()
                .expectException(InvalidTransitionException.class);
    }

    @Test
    void aConvertedLeadIsNoLongerReassigned() {
        fixture.given(captured(), new LeadQualified(LEAD, LeadStatus.NEW),
                        new LeadConverted(LEAD, ACCOUNT, CONTACT, LeadStatus.QUALIFIED))
                .when(new AssignLeadOwner(LEAD, "manager", null))
                .expectNoEvents()
                .expectException(InvalidTransitionException.class);
    }

    @Test
    void aConvertedLeadIsNotReopened() {
        fixture.given(captured(), new LeadQualified(LEAD, LeadStatus.NEW),
                        new LeadConverted(LEAD, ACCOUNT, CONTACT, LeadStatus.QUALIFIED))
                .when(new ReopenLead(LEAD, null))
                .expectNoEvents()
                .expectException(InvalidTransitionException.class);
    }

    @Test
    void theRoutingLeavesAnUnassignedConvertedLeadAlone() {
        fixture.given(new LeadCaptured(LEAD, DETAILS, LeadSource.WEB_FORM, null, null, null),
                        new LeadQualified(LEAD, LeadStatus.NEW),
                        new LeadConverted(LEAD, ACCOUNT, CONTACT, LeadStatus.QUALIFIED))
                .when(new AutoAssignLead(LEAD, OWNER, "territory", "rule"),
                        as("system:lead-routing"))
                .expectNoEvents();
    }

    private static LeadCaptured captured() {
        return new LeadCaptured(LEAD, DETAILS, LeadSource.WEB_FORM, null, null, OWNER);
    }
}
