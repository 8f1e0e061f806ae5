package io.relais.lead;

import io.relais.common.AuditMetadata;
import io.relais.common.InvalidFieldException;
import io.relais.common.InvalidTransitionException;
import io.relais.common.NotPermittedException;
import io.relais.common.RecordNotFoundException;
import io.relais.organisation.InMemoryOrganisationDirectory;
import io.relais.organisation.Profile;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** {@link ConvertLead}: only a qualified lead converts, a retry changes nothing, a converted lead is final. */
class LeadConversionCommandTest {

    private static final String LEAD = "lead-1";
    private static final String ACCOUNT = "account-1";
    private static final String CONTACT = "contact-1";
    private static final String OWNER = "rep";
    private static final LeadDetails DETAILS = new LeadDetails("Léa", "Fontaine", "lea@example.fr", null, "Étoile",
            null, null, null, null, null, null, null, null);

    private FixtureConfiguration<Lead> fixture;

    @BeforeEach
    void setUp() {
        InMemoryOrganisationDirectory directory = new InMemoryOrganisationDirectory()
                .add("admin", Profile.ADMINISTRATOR, null)
                .add("auditor", Profile.AUDITOR, null)
                .add("manager", Profile.SALES_MANAGER, null)
                .add(OWNER, Profile.SALES_REP, "manager")
                .add("peer", Profile.SALES_REP, null);
        fixture = new AggregateTestFixture<>(Lead.class);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
        fixture.registerInjectableResource(directory.authorization());
        fixture.registerCommandDispatchInterceptor(messages -> (index, message) ->
                message.getMetaData().containsKey(AuditMetadata.USER_ID) ? message
                        : message.andMetaData(Map.of(AuditMetadata.USER_ID, OWNER)));
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
                .when(new ConvertLead(LEAD, ACCOUNT, CONTACT, null), Map.of(AuditMetadata.USER_ID, actor))
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
                .when(new ConvertLead(LEAD, ACCOUNT, CONTACT, null), Map.of(AuditMetadata.USER_ID, "peer"))
                .expectNoEvents()
                .expectException(RecordNotFoundException.class);
    }

    @Test
    void anAuditorMayNotConvert() {
        fixture.given(captured(), new LeadQualified(LEAD, LeadStatus.NEW))
                .when(new ConvertLead(LEAD, ACCOUNT, CONTACT, null), Map.of(AuditMetadata.USER_ID, "auditor"))
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
                        Map.of(AuditMetadata.USER_ID, "system:lead-routing"))
                .expectNoEvents();
    }

    private static LeadCaptured captured() {
        return new LeadCaptured(LEAD, DETAILS, LeadSource.WEB_FORM, null, null, OWNER);
    }
}
