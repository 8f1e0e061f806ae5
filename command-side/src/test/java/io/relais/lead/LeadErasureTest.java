package io.relais.lead;

import io.relais.common.FieldChange;
import io.relais.personaldata.DataSubject;
import io.relais.personaldata.DataSubjectKind;
import io.relais.personaldata.ErasureRequest;
import io.relais.personaldata.InMemoryDataSubjectKeys;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.relais.common.CommandFixtures.as;
import static io.relais.common.RefusalMatchers.conflict;
import static io.relais.lead.LeadFixtures.ACCOUNT_ID;
import static io.relais.lead.LeadFixtures.CONTACT_ID;
import static io.relais.lead.LeadFixtures.LEAD_ID;
import static io.relais.lead.LeadFixtures.NOW;
import static io.relais.lead.LeadFixtures.convert;
import static io.relais.lead.LeadFixtures.details;
import static io.relais.lead.LeadFixtures.forbidden;
import static io.relais.lead.LeadFixtures.invalidField;
import static io.relais.lead.LeadFixtures.leadFixture;
import static io.relais.lead.LeadFixtures.leadIn;
import static io.relais.lead.LeadFixtures.with;
import static io.relais.lead.LeadFixtures.owned;
import static io.relais.organisation.TestOrganisation.ADMIN;
import static io.relais.organisation.TestOrganisation.ANALYST;
import static io.relais.organisation.TestOrganisation.AUDITOR;
import static io.relais.organisation.TestOrganisation.MANAGER;
import static io.relais.organisation.TestOrganisation.REP;
import static io.relais.organisation.TestOrganisation.STEWARD;
import static org.assertj.core.api.Assertions.assertThat;

/** Erasing a lead's personal data (ADR 013): who may, what is recorded, and what the lead refuses afterwards. */
class LeadErasureTest {

    private static final ErasureRequest REQUEST = new ErasureRequest(" Request of 2026-12-01 by e-mail ", "DPO-2026-17");
    private static final ErasureRequest VALID = new ErasureRequest("Request of 2026-12-01 by e-mail", "DPO-2026-17");
    private static final DataSubject SUBJECT = new DataSubject(DataSubjectKind.LEAD, LEAD_ID);

    private final InMemoryDataSubjectKeys keys = new InMemoryDataSubjectKeys();
    private FixtureConfiguration<Lead> fixture;

    @BeforeEach
    void setUp() {
        fixture = leadFixture(NOW, STEWARD, leadId -> Optional.empty(), keys);
    }

    @Test
    void aDataStewardErasesALeadItsKeyIsDeletedAndTheEventSaysWhyButNothingPersonal() {
        fixture.given(leadIn(LeadStatus.WORKING))
                .when(new EraseLeadPersonalData(LEAD_ID, REQUEST))
                .expectEvents(new LeadPersonalDataErased(LEAD_ID, VALID, null, null))
                .expectResultMessagePayload(2L);

        assertThat(keys.erased(SUBJECT)).isTrue();
    }

    @Test
    void aConvertedLeadNamesTheContactItBecameSoThatItIsErasedToo() {
        fixture.given(leadIn(LeadStatus.CONVERTED))
                .when(new EraseLeadPersonalData(LEAD_ID, REQUEST), as(ADMIN))
                .expectEvents(new LeadPersonalDataErased(LEAD_ID, VALID, ACCOUNT_ID, CONTACT_ID));
    }

    @Test
    void erasingAgainChangesNothing() {
        keys.erase(SUBJECT);

        fixture.given(with(leadIn(LeadStatus.NEW), new LeadPersonalDataErased(LEAD_ID, VALID, null, null)))
                .when(new EraseLeadPersonalData(LEAD_ID, REQUEST))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @ParameterizedTest
    @ValueSource(strings = {REP, MANAGER, ANALYST, AUDITOR})
    void onlyDataStewardsAndAdministratorsErase(String actor) {
        fixture.given(leadIn(LeadStatus.NEW))
                .when(new EraseLeadPersonalData(LEAD_ID, REQUEST), as(actor))
                .expectException(forbidden());

        assertThat(keys.erased(SUBJECT)).isFalse();
    }

    @Test
    void anErasureNeedsAReasonOfAtMost500Characters() {
        fixture.given(leadIn(LeadStatus.NEW))
                .when(new EraseLeadPersonalData(LEAD_ID, new ErasureRequest("  ", null)))
                .expectException(invalidField("reason", "required"));
        fixture.given(leadIn(LeadStatus.NEW))
                .when(new EraseLeadPersonalData(LEAD_ID, new ErasureRequest("x".repeat(501), null)))
                .expectException(invalidField("reason", "too-long"));
        fixture.given(leadIn(LeadStatus.NEW))
                .when(new EraseLeadPersonalData(LEAD_ID, new ErasureRequest("Request", "r".repeat(101))))
                .expectException(invalidField("requestReference", "too-long"));
        fixture.given(leadIn(LeadStatus.NEW))
                .when(new EraseLeadPersonalData(LEAD_ID, null))
                .expectException(invalidField("request", "required"));

        assertThat(keys.erased(SUBJECT)).isFalse();
    }

    @Test
    void anErasedLeadRefusesPersonalValuesButTakesTheCompanysChanges() {
        LeadDetails captured = details().firstName("Jeanne").email("jeanne@example.fr").company("Atelier").build();
        List<Object> history = List.of(owned(captured), new LeadPersonalDataErased(LEAD_ID, VALID, null, null));

        fixture.given(history)
                .when(new UpdateLeadDetails(LEAD_ID, Map.of(LeadField.PHONE, "+33 6 00 00 00 00"), null), as(MANAGER))
                .expectException(conflict("phone", "personal-data-erased"));
        fixture.given(history)
                .when(new UpdateLeadDetails(LEAD_ID, Map.of(LeadField.COMPANY, "Atelier Martin"), null), as(MANAGER))
                .expectEvents(new LeadDetailsUpdated(LEAD_ID, details().company("Atelier Martin").build(),
                        List.of(new FieldChange("company", "Atelier", "Atelier Martin"))));
    }

    @Test
    void anErasedLeadCannotBecomeAContact() {
        fixture.given(with(leadIn(LeadStatus.QUALIFIED), new LeadPersonalDataErased(LEAD_ID, VALID, null, null)))
                .when(convert(), as(MANAGER))
                .expectException(conflict("leadId", "personal-data-erased"));
    }
}
