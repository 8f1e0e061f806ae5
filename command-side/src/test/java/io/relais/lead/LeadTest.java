package io.relais.lead;

import io.relais.common.ExpectedVersions;
import io.relais.common.FieldChange;
import io.relais.organisation.OrganisationIds;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import static io.relais.lead.LeadFixtures.ACCOUNT_ID;
import static io.relais.organisation.TestOrganisation.ADMIN;
import static io.relais.organisation.TestOrganisation.ANALYST;
import static io.relais.organisation.TestOrganisation.AUDITOR;
import static io.relais.lead.LeadFixtures.CONTACT_ID;
import static io.relais.organisation.TestOrganisation.DIRECTOR;
import static io.relais.lead.LeadFixtures.EMAIL;
import static io.relais.organisation.TestOrganisation.FORMER;
import static io.relais.lead.LeadFixtures.LEAD_ID;
import static io.relais.organisation.TestOrganisation.MANAGER;
import static io.relais.lead.LeadFixtures.NOW;
import static io.relais.organisation.TestOrganisation.OTHER_MANAGER;
import static io.relais.organisation.TestOrganisation.OTHER_REP;
import static io.relais.lead.LeadFixtures.OWNER;
import static io.relais.organisation.TestOrganisation.PEER;
import static io.relais.organisation.TestOrganisation.STEWARD;
import static io.relais.lead.LeadFixtures.SURVIVOR_ID;
import static io.relais.organisation.TestOrganisation.UNKNOWN;
import static io.relais.common.CommandFixtures.as;
import static io.relais.lead.LeadFixtures.convert;
import static io.relais.lead.LeadFixtures.converted;
import static io.relais.lead.LeadFixtures.details;
import static io.relais.lead.LeadFixtures.forbidden;
import static io.relais.lead.LeadFixtures.invalidField;
import static io.relais.lead.LeadFixtures.invalidTransition;
import static io.relais.lead.LeadFixtures.leadFixture;
import static io.relais.lead.LeadFixtures.leadIn;
import static io.relais.lead.LeadFixtures.notFound;
import static io.relais.lead.LeadFixtures.owned;
import static io.relais.common.RefusalMatchers.staleVersion;

/**
 * Fixture tests of the lead aggregate, over the organisation of {@link LeadFixtures} (who is who is charted there).
 * Unless a test names the actor, commands are sent by MANAGER, who may act on the leads of OWNER (who owns the
 * leads of most histories here) and give them to any rep of the team.
 */
class LeadTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    private static final String PHONE = "+33 6 12 34 56 78";
    /** The lead routing, acting as the system. */
    private static final String SYSTEM = "system:lead-routing";

    private FixtureConfiguration<Lead> fixture;

    @BeforeEach
    void setUp() {
        fixture = leadFixture(NOW);
    }

    // ---------------------------------------------------------------------------------------------------------
    // CaptureLead
    // ---------------------------------------------------------------------------------------------------------

    /** Captures by an administrator: a lead they capture without an owner stays unassigned, for the routing. */
    @Nested
    class Capture {

        @BeforeEach
        void captureAsAnAdministrator() {
            fixture = leadFixture(NOW, ADMIN);
        }

        @Test
        void acceptsAnEmailAlone() {
            LeadDetails details = details().email(EMAIL).build();

            fixture.givenNoPriorActivity()
                    .when(capture(details))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(captured(details));
        }

        @Test
        void answersWithTheLeadIdentifierRatherThanAVersion() {
            fixture.givenNoPriorActivity()
                    .when(capture(details().email(EMAIL).build()))
                    .expectResultMessagePayload(LEAD_ID);
        }

        @Test
        void acceptsAPhoneAlone() {
            LeadDetails details = details().phone(PHONE).build();

            fixture.givenNoPriorActivity()
                    .when(capture(details))
                    .expectEvents(captured(details));
        }

        @Test
        void acceptsANameWithACompany() {
            LeadDetails details = details().firstName("Jeanne").lastName("Martin").company("Acme SARL").build();

            fixture.givenNoPriorActivity()
                    .when(capture(details))
                    .expectEvents(captured(details));
        }

        @Test
        void acceptsEveryDetail() {
            LeadDetails details = fullDetails();

            fixture.givenNoPriorActivity()
                    .when(capture(details))
                    .expectEvents(captured(details));
        }

        @Test
        void keepsTheSourceAndItsDetail() {
            LeadDetails details = details().email(EMAIL).build();

            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details, LeadSource.PARTNER_FILE, "Salon Lyon 2025", null, null))
                    .expectEvents(new LeadCaptured(LEAD_ID, details, LeadSource.PARTNER_FILE, "Salon Lyon 2025",
                            null, null));
        }

        @Test
        void acceptsGrantedConsentWithDateAndChannel() {
            LeadDetails details = details().email(EMAIL).build();
            MarketingConsent consent = new MarketingConsent(true, TODAY.minusDays(3), ConsentChannel.WEB_FORM, null);

            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details, LeadSource.WEB_FORM, null, consent, null))
                    .expectEvents(new LeadCaptured(LEAD_ID, details, LeadSource.WEB_FORM, null, consent, null));
        }

        @Test
        void acceptsConsentGivenToday() {
            LeadDetails details = details().email(EMAIL).build();
            MarketingConsent consent = new MarketingConsent(true, TODAY, ConsentChannel.IN_PERSON, null);

            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details, LeadSource.REP_ENTRY, null, consent, null))
                    .expectEvents(new LeadCaptured(LEAD_ID, details, LeadSource.REP_ENTRY, null, consent, null));
        }

        @Test
        void keepsTheVersionOfTheConsentTextThePersonWasShown() {
            LeadDetails details = details().email(EMAIL).build();
            MarketingConsent consent = new MarketingConsent(true, TODAY, ConsentChannel.WEB_FORM, " 2026-11 ");

            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details, LeadSource.WEB_FORM, null, consent, null))
                    .expectEvents(new LeadCaptured(LEAD_ID, details, LeadSource.WEB_FORM, null,
                            new MarketingConsent(true, TODAY, ConsentChannel.WEB_FORM, "2026-11"), null));
        }

        static Stream<Arguments> badTextVersions() {
            return Stream.of(Arguments.of("v".repeat(51), "too-long"),
                    Arguments.of("2026\u000011", "invalid-characters"),
                    Arguments.of("2026-\ud800", "invalid-characters"));
        }

        @ParameterizedTest
        @MethodSource("badTextVersions")
        void refusesAConsentTextVersionTheStoreCannotKeep(String textVersion, String code) {
            MarketingConsent consent = new MarketingConsent(true, TODAY, ConsentChannel.WEB_FORM, textVersion);

            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details().email(EMAIL).build(), LeadSource.WEB_FORM, null,
                            consent, null))
                    .expectNoEvents()
                    .expectException(invalidField("consent.textVersion", code));
        }

        @Test
        void keepsARefusalOfConsentAsProof() {
            LeadDetails details = details().email(EMAIL).build();
            MarketingConsent refusal = new MarketingConsent(false, TODAY, ConsentChannel.PHONE, null);

            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details, LeadSource.REP_ENTRY, null, refusal, null))
                    .expectEvents(new LeadCaptured(LEAD_ID, details, LeadSource.REP_ENTRY, null, refusal, null));
        }

        @Test
        void acceptsAnOwner() {
            LeadDetails details = details().email(EMAIL).build();

            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details, LeadSource.REP_ENTRY, null, null, "rep-1"))
                    .expectEvents(new LeadCaptured(LEAD_ID, details, LeadSource.REP_ENTRY, null, null, "rep-1"));
        }

        @Test
        void trimsAndNormalisesValues() {
            LeadDetails input = new LeadDetails("  Jeanne ", " Martin", "  " + EMAIL + "  ", "   ", " Acme SARL ",
                    "\t", " https://acme.example.fr ", " 69001 ", " Lyon ", "fr", "  ", null, null);
            LeadDetails normalised = new LeadDetails("Jeanne", "Martin", EMAIL, null, "Acme SARL", null,
                    "https://acme.example.fr", "69001", "Lyon", "FR", null, null, null);

            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, input, LeadSource.WEB_FORM, "  spring campaign  ", null, " rep-1 "))
                    .expectEvents(new LeadCaptured(LEAD_ID, normalised, LeadSource.WEB_FORM, "spring campaign",
                            null, "rep-1"));
        }

        @Test
        void turnsABlankSourceDetailIntoNull() {
            LeadDetails details = details().email(EMAIL).build();

            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details, LeadSource.WEB_FORM, "   ", null, null))
                    .expectEvents(captured(details));
        }

        @Test
        void refusesDetailsWithoutAContactPoint() {
            fixture.givenNoPriorActivity()
                    .when(capture(details().firstName("Jeanne").lastName("Martin").city("Lyon").build()))
                    .expectNoEvents()
                    .expectException(invalidField("email", "missing-contact-point"));
        }

        @Test
        void refusesMissingDetails() {
            fixture.givenNoPriorActivity()
                    .when(capture(null))
                    .expectNoEvents()
                    .expectException(invalidField("email", "missing-contact-point"));
        }

        @Test
        void refusesContactPointsThatAreOnlyBlank() {
            fixture.givenNoPriorActivity()
                    .when(capture(details().email("   ").phone(" ").build()))
                    .expectNoEvents()
                    .expectException(invalidField("email", "missing-contact-point"));
        }

        @Test
        void refusesAnInvalidEmail() {
            fixture.givenNoPriorActivity()
                    .when(capture(details().email("jeanne.martin@").build()))
                    .expectNoEvents()
                    .expectException(invalidField("email", "invalid-email"));
        }

        @Test
        void refusesAnInvalidPhone() {
            fixture.givenNoPriorActivity()
                    .when(capture(details().phone("call me maybe").build()))
                    .expectNoEvents()
                    .expectException(invalidField("phone", "invalid-phone"));
        }

        @Test
        void refusesAnInvalidWebsite() {
            fixture.givenNoPriorActivity()
                    .when(capture(details().email(EMAIL).website("not a website").build()))
                    .expectNoEvents()
                    .expectException(invalidField("website", "invalid-website"));
        }

        @Test
        void refusesATooLongField() {
            fixture.givenNoPriorActivity()
                    .when(capture(details().email(EMAIL).lastName("x".repeat(101)).build()))
                    .expectNoEvents()
                    .expectException(invalidField("lastName", "too-long"))
                    .expectExceptionMessage("lastName must be at most 100 characters (got 101)");
        }

        @Test
        void refusesATooLongSourceDetail() {
            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details().email(EMAIL).build(), LeadSource.WEB_FORM,
                            "x".repeat(201), null, null))
                    .expectNoEvents()
                    .expectException(invalidField("sourceDetail", "too-long"));
        }

        @Test
        void refusesAnUnknownCountry() {
            fixture.givenNoPriorActivity()
                    .when(capture(details().email(EMAIL).country("XX").build()))
                    .expectNoEvents()
                    .expectException(invalidField("country", "invalid-country"));
        }

        @Test
        void refusesAMissingSource() {
            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details().email(EMAIL).build(), null, null, null, null))
                    .expectNoEvents()
                    .expectException(invalidField("source", "required"));
        }

        @Test
        void refusesConsentDatedInTheFuture() {
            MarketingConsent consent = new MarketingConsent(true, TODAY.plusDays(2), ConsentChannel.WEB_FORM, null);

            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details().email(EMAIL).build(), LeadSource.WEB_FORM, null,
                            consent, null))
                    .expectNoEvents()
                    .expectException(invalidField("consent.date", "date-in-future"));
        }

        @Test
        void acceptsConsentDatedTodayInATimeZoneAheadOfUtc() {
            FixtureConfiguration<Lead> lateEvening = leadFixture(Instant.parse("2025-03-10T23:30:00Z"), ADMIN);
            MarketingConsent consent = new MarketingConsent(true, TODAY.plusDays(1), ConsentChannel.IN_PERSON, null);

            lateEvening.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details().email(EMAIL).build(), LeadSource.REP_ENTRY, null,
                            consent, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new LeadCaptured(LEAD_ID, details().email(EMAIL).build(), LeadSource.REP_ENTRY,
                            null, consent, null));
        }

        @Test
        void acceptsABlankOptionalOwnerAsNoOwner() {
            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details().email(EMAIL).build(), LeadSource.WEB_FORM, null,
                            null, "   "))
                    .expectEvents(new LeadCaptured(LEAD_ID, details().email(EMAIL).build(), LeadSource.WEB_FORM,
                            null, null, null));
        }

        @Test
        void refusesConsentWithoutADate() {
            MarketingConsent consent = new MarketingConsent(true, null, ConsentChannel.WEB_FORM, null);

            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details().email(EMAIL).build(), LeadSource.WEB_FORM, null,
                            consent, null))
                    .expectNoEvents()
                    .expectException(invalidField("consent.date", "required"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"-999999999-01-01", "0001-01-01", "1899-12-31"})
        void refusesConsentDatedBefore1900(LocalDate date) {
            MarketingConsent consent = new MarketingConsent(true, date, ConsentChannel.PAPER_FORM, null);

            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details().email(EMAIL).build(), LeadSource.WEB_FORM, null,
                            consent, null))
                    .expectNoEvents()
                    .expectException(invalidField("consent.date", "out-of-range"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Dupont\ud800", "\udfffDupont", "Du\udc00\ud800pont"})
        void refusesHalfASurrogatePairInADetail(String lastName) {
            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details().email(EMAIL).lastName(lastName).build(),
                            LeadSource.WEB_FORM, null, null, null))
                    .expectNoEvents()
                    .expectException(invalidField("lastName", "invalid-characters"));
        }

        @Test
        void keepsACharacterMadeOfASurrogatePair() {
            LeadDetails details = details().email(EMAIL).lastName("Dupont \ud83d\ude00").build();
            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details, LeadSource.WEB_FORM, null, null, null))
                    .expectEvents(new LeadCaptured(LEAD_ID, details, LeadSource.WEB_FORM, null, null, null));
        }

        @Test
        void refusesConsentWithoutAChannel() {
            MarketingConsent consent = new MarketingConsent(true, TODAY, null, null);

            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details().email(EMAIL).build(), LeadSource.WEB_FORM, null,
                            consent, null))
                    .expectNoEvents()
                    .expectException(invalidField("consent.channel", "required"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"rep 1", "rep/1", "rép", "Rep-1", "r", "-rep", "system:rep"})
        void refusesAnOwnerIdThatIsNotAUserId(String ownerId) {
            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details().email(EMAIL).build(), LeadSource.REP_ENTRY, null, null,
                            ownerId))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "invalid-user-id"));
        }

        @Test
        void refusesALeadIdWithInvalidCharacters() {
            fixture.givenNoPriorActivity()
                    .when(new CaptureLead("lead/42", details().email(EMAIL).build(), LeadSource.WEB_FORM, null,
                            null, null))
                    .expectNoEvents()
                    .expectException(invalidField("leadId", "invalid-identifier"));
        }

        @Test
        void refusesALeadIdWithSurroundingSpaces() {
            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(" " + LEAD_ID + " ", details().email(EMAIL).build(), LeadSource.WEB_FORM,
                            null, null, null))
                    .expectNoEvents()
                    .expectException(invalidField("leadId", "invalid-identifier"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // UpdateLeadDetails
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class UpdateDetails {

        private final LeadDetails original = details().firstName("Jeanne").email(EMAIL).phone(PHONE)
                .city("Paris").build();

        @Test
        void emitsTheWholeNewDetailsAndWhatChanged() {
            LeadDetails expected = details().firstName("Jeanne").email(EMAIL).phone(PHONE).city("Lyon")
                    .company("Acme SARL").build();

            fixture.given(owned(original))
                    .when(update(changes(LeadField.CITY, "Lyon", LeadField.COMPANY, "Acme SARL")))
                    .expectEvents(new LeadDetailsUpdated(LEAD_ID, expected, List.of(
                            new FieldChange("company", null, "Acme SARL"),
                            new FieldChange("city", "Paris", "Lyon"))))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void listsChangesInFieldOrderWhateverTheOrderOfTheRequest() {
            LeadDetails expected = details().firstName("Jeanne").lastName("Martin").email(EMAIL).phone(PHONE)
                    .city("Paris").country("FR").build();

            fixture.given(owned(original))
                    .when(update(changes(LeadField.COUNTRY, "FR", LeadField.LAST_NAME, "Martin")))
                    .expectEvents(new LeadDetailsUpdated(LEAD_ID, expected, List.of(
                            new FieldChange("lastName", null, "Martin"),
                            new FieldChange("country", null, "FR"))));
        }

        @Test
        void clearsAFieldGivenNull() {
            LeadDetails expected = details().firstName("Jeanne").email(EMAIL).city("Paris").build();

            fixture.given(owned(original))
                    .when(update(changes(LeadField.PHONE, null)))
                    .expectEvents(new LeadDetailsUpdated(LEAD_ID, expected,
                            List.of(new FieldChange("phone", PHONE, null))));
        }

        @Test
        void clearsAFieldGivenBlank() {
            LeadDetails expected = details().email(EMAIL).phone(PHONE).city("Paris").build();

            fixture.given(owned(original))
                    .when(update(changes(LeadField.FIRST_NAME, "   ")))
                    .expectEvents(new LeadDetailsUpdated(LEAD_ID, expected,
                            List.of(new FieldChange("firstName", "Jeanne", null))));
        }

        @Test
        void trimsAndNormalisesNewValues() {
            LeadDetails expected = details().firstName("Jeanne").email(EMAIL).phone(PHONE).city("Bruxelles")
                    .country("BE").build();

            fixture.given(owned(original))
                    .when(update(changes(LeadField.CITY, "  Bruxelles ", LeadField.COUNTRY, " be ")))
                    .expectEvents(new LeadDetailsUpdated(LEAD_ID, expected, List.of(
                            new FieldChange("city", "Paris", "Bruxelles"),
                            new FieldChange("country", null, "BE"))));
        }

        @Test
        void buildsOnEarlierUpdates() {
            LeadDetails afterFirst = details().firstName("Jeanne").email(EMAIL).phone(PHONE).city("Lyon").build();
            LeadDetails afterSecond = details().firstName("Jeanne").email(EMAIL).phone(PHONE).city("Lyon")
                    .jobTitle("Buyer").build();

            fixture.given(owned(original),
                            new LeadDetailsUpdated(LEAD_ID, afterFirst, List.of(new FieldChange("city", "Paris", "Lyon"))))
                    .when(update(changes(LeadField.JOB_TITLE, "Buyer")))
                    .expectEvents(new LeadDetailsUpdated(LEAD_ID, afterSecond,
                            List.of(new FieldChange("jobTitle", null, "Buyer"))))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void emitsNothingAndAnswersTheCurrentVersionWhenNothingChanges() {
            fixture.given(owned(original), new LeadOwnerAssigned(LEAD_ID, "rep-1", OWNER))
                    .when(update(changes(LeadField.CITY, "Paris", LeadField.EMAIL, EMAIL)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void emitsNothingWhenTheOnlyDifferenceIsWhitespace() {
            fixture.given(owned(original))
                    .when(update(changes(LeadField.CITY, "  Paris  ")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void emitsNothingWhenClearingAnEmptyField() {
            fixture.given(owned(original))
                    .when(update(changes(LeadField.NOTES, null)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void refusesAnEmptyChangeSet() {
            fixture.given(owned(original))
                    .when(update(Map.of()))
                    .expectNoEvents()
                    .expectException(invalidField("changes", "no-changes"));
        }

        @Test
        void refusesMissingChanges() {
            fixture.given(owned(original))
                    .when(update(null))
                    .expectNoEvents()
                    .expectException(invalidField("changes", "no-changes"));
        }

        @Test
        void refusesRemovingTheLastContactPoint() {
            fixture.given(owned(details().email(EMAIL).city("Paris").build()))
                    .when(update(changes(LeadField.EMAIL, null)))
                    .expectNoEvents()
                    .expectException(invalidField("email", "missing-contact-point"));
        }

        @Test
        void refusesRemovingTheCompanyThatMadeTheNameAContactPoint() {
            fixture.given(owned(details().firstName("Jeanne").company("Acme SARL").build()))
                    .when(update(changes(LeadField.COMPANY, " ")))
                    .expectNoEvents()
                    .expectException(invalidField("email", "missing-contact-point"));
        }

        @Test
        void acceptsRemovingOneContactPointWhileAnotherRemains() {
            LeadDetails expected = details().firstName("Jeanne").phone(PHONE).city("Paris").build();

            fixture.given(owned(original))
                    .when(update(changes(LeadField.EMAIL, null)))
                    .expectEvents(new LeadDetailsUpdated(LEAD_ID, expected,
                            List.of(new FieldChange("email", EMAIL, null))));
        }

        @Test
        void acceptsSwappingOneContactPointForAnotherInOneUpdate() {
            LeadDetails before = details().email(EMAIL).build();
            LeadDetails after = details().phone(PHONE).build();

            fixture.given(owned(before))
                    .when(update(changes(LeadField.EMAIL, null, LeadField.PHONE, PHONE)))
                    .expectEvents(new LeadDetailsUpdated(LEAD_ID, after, List.of(
                            new FieldChange("email", EMAIL, null),
                            new FieldChange("phone", null, PHONE))));
        }

        @Test
        void refusesAnInvalidEmail() {
            fixture.given(owned(original))
                    .when(update(changes(LeadField.EMAIL, "jeanne@@example.fr")))
                    .expectNoEvents()
                    .expectException(invalidField("email", "invalid-email"));
        }

        @Test
        void refusesATooLongValue() {
            fixture.given(owned(original))
                    .when(update(changes(LeadField.NOTES, "x".repeat(4001))))
                    .expectNoEvents()
                    .expectException(invalidField("notes", "too-long"));
        }

        @Test
        void refusesAnUnknownCountry() {
            fixture.given(owned(original))
                    .when(update(changes(LeadField.COUNTRY, "UK")))
                    .expectNoEvents()
                    .expectException(invalidField("country", "invalid-country"));
        }

        @Test
        void changesOnlyTheRequestedFieldsOfDetailsStoredUnderOlderRules() {
            LeadDetails legacy = details().email(EMAIL).country("fr").build();
            LeadDetails expected = details().email(EMAIL).country("fr").city("Lyon").build();

            fixture.given(owned(legacy))
                    .when(update(changes(LeadField.CITY, "Lyon")))
                    .expectEvents(new LeadDetailsUpdated(LEAD_ID, expected,
                            List.of(new FieldChange("city", null, "Lyon"))));
        }

        @Test
        void acceptsUpdatesOfOtherFieldsWhenAStoredValueFailsTodaysRules() {
            LeadDetails legacy = details().email("jeanne@intranet").build();
            LeadDetails expected = details().email("jeanne@intranet").city("Lyon").build();

            fixture.given(owned(legacy))
                    .when(update(changes(LeadField.CITY, "Lyon")))
                    .expectEvents(new LeadDetailsUpdated(LEAD_ID, expected,
                            List.of(new FieldChange("city", null, "Lyon"))));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // AssignLeadOwner
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class AssignOwner {

        @Test
        void firstAssignmentHasNoPreviousOwner() {
            fixture.given(captured(details().email(EMAIL).build()))
                    .when(new AssignLeadOwner(LEAD_ID, "rep-1", null), as(ADMIN))
                    .expectEvents(new LeadOwnerAssigned(LEAD_ID, "rep-1", null))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void reassignmentNamesThePreviousOwnerFromCapture() {
            fixture.given(capturedWithOwner("rep-1"))
                    .when(new AssignLeadOwner(LEAD_ID, "rep-2", null))
                    .expectEvents(new LeadOwnerAssigned(LEAD_ID, "rep-2", "rep-1"));
        }

        @Test
        void reassignmentNamesThePreviousOwnerFromAnEarlierAssignment() {
            fixture.given(captured(details().email(EMAIL).build()),
                            new LeadOwnerAssigned(LEAD_ID, "rep-1", null),
                            new LeadOwnerAssigned(LEAD_ID, "rep-2", "rep-1"))
                    .when(new AssignLeadOwner(LEAD_ID, "rep-3", null))
                    .expectEvents(new LeadOwnerAssigned(LEAD_ID, "rep-3", "rep-2"))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void trimsTheOwnerId() {
            fixture.given(owned(details().email(EMAIL).build()))
                    .when(new AssignLeadOwner(LEAD_ID, "  rep-1 ", null))
                    .expectEvents(new LeadOwnerAssigned(LEAD_ID, "rep-1", OWNER));
        }

        @Test
        void sameOwnerEmitsNothingAndAnswersTheCurrentVersion() {
            fixture.given(captured(details().email(EMAIL).build()), new LeadOwnerAssigned(LEAD_ID, "rep-1", null))
                    .when(new AssignLeadOwner(LEAD_ID, "rep-1", null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void sameOwnerWithSurroundingSpacesEmitsNothing() {
            fixture.given(capturedWithOwner("rep-1"))
                    .when(new AssignLeadOwner(LEAD_ID, " rep-1 ", null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void refusesAMissingOwner(String ownerId) {
            fixture.given(capturedWithOwner("rep-1"))
                    .when(new AssignLeadOwner(LEAD_ID, ownerId, null))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "required"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"rep 2", "rep#2", "rép", "Rep-2", "r"})
        void refusesAnInvalidOwnerId(String ownerId) {
            fixture.given(capturedWithOwner("rep-1"))
                    .when(new AssignLeadOwner(LEAD_ID, ownerId, null))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "invalid-user-id"));
        }

        @Test
        void isAllowedWhateverTheStatus() {
            fixture.given(leadIn(LeadStatus.DISQUALIFIED))
                    .when(new AssignLeadOwner(LEAD_ID, "rep-9", null))
                    .expectEvents(new LeadOwnerAssigned(LEAD_ID, "rep-9", OWNER));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Status changes
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class StartWorking {

        @Test
        void startsANewLead() {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new StartWorkingLead(LEAD_ID, null))
                    .expectEvents(new LeadWorkStarted(LEAD_ID))
                    .expectResultMessagePayload(1L);
        }

        @ParameterizedTest
        @EnumSource(value = LeadStatus.class, names = {"WORKING", "QUALIFIED", "DISQUALIFIED"})
        void refusesALeadThatIsNotNew(LeadStatus status) {
            fixture.given(leadIn(status))
                    .when(new StartWorkingLead(LEAD_ID, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(status))
                    .expectExceptionMessage("Cannot start working a lead when the status is " + status);
        }

        @Test
        void refusesAReopenedLeadBecauseItIsWorking() {
            fixture.given(owned(details().email(EMAIL).build()),
                            new LeadQualified(LEAD_ID, LeadStatus.NEW),
                            new LeadReopened(LEAD_ID, LeadStatus.QUALIFIED))
                    .when(new StartWorkingLead(LEAD_ID, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.WORKING));
        }
    }

    @Nested
    class Qualify {

        @Test
        void qualifiesANewLead() {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new QualifyLead(LEAD_ID, null))
                    .expectEvents(new LeadQualified(LEAD_ID, LeadStatus.NEW))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void qualifiesAWorkedLead() {
            fixture.given(leadIn(LeadStatus.WORKING))
                    .when(new QualifyLead(LEAD_ID, null))
                    .expectEvents(new LeadQualified(LEAD_ID, LeadStatus.WORKING))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void qualifiesAReopenedLeadAsWorking() {
            fixture.given(owned(details().email(EMAIL).build()),
                            new LeadDisqualified(LEAD_ID, DisqualificationReason.NOT_REACHABLE, null, LeadStatus.NEW),
                            new LeadReopened(LEAD_ID, LeadStatus.DISQUALIFIED))
                    .when(new QualifyLead(LEAD_ID, null))
                    .expectEvents(new LeadQualified(LEAD_ID, LeadStatus.WORKING))
                    .expectResultMessagePayload(3L);
        }

        @ParameterizedTest
        @EnumSource(value = LeadStatus.class, names = {"QUALIFIED", "DISQUALIFIED"})
        void refusesALeadAlreadyDecided(LeadStatus status) {
            fixture.given(leadIn(status))
                    .when(new QualifyLead(LEAD_ID, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(status))
                    .expectExceptionMessage("Cannot qualify a lead when the status is " + status);
        }
    }

    @Nested
    class Disqualify {

        @Test
        void disqualifiesANewLeadWithAReason() {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new DisqualifyLead(LEAD_ID, DisqualificationReason.NO_BUDGET, null, null))
                    .expectEvents(new LeadDisqualified(LEAD_ID, DisqualificationReason.NO_BUDGET, null,
                            LeadStatus.NEW))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void disqualifiesAWorkedLeadKeepingATrimmedNote() {
            fixture.given(leadIn(LeadStatus.WORKING))
                    .when(new DisqualifyLead(LEAD_ID, DisqualificationReason.COMPETITOR_CHOSEN,
                            "  Went with Globex  ", null))
                    .expectEvents(new LeadDisqualified(LEAD_ID, DisqualificationReason.COMPETITOR_CHOSEN,
                            "Went with Globex", LeadStatus.WORKING))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void turnsABlankNoteIntoNull() {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new DisqualifyLead(LEAD_ID, DisqualificationReason.DUPLICATE, "   ", null))
                    .expectEvents(new LeadDisqualified(LEAD_ID, DisqualificationReason.DUPLICATE, null,
                            LeadStatus.NEW));
        }

        @Test
        void acceptsOtherWithANote() {
            fixture.given(leadIn(LeadStatus.WORKING))
                    .when(new DisqualifyLead(LEAD_ID, DisqualificationReason.OTHER, "Moved abroad", null))
                    .expectEvents(new LeadDisqualified(LEAD_ID, DisqualificationReason.OTHER, "Moved abroad",
                            LeadStatus.WORKING));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void refusesOtherWithoutANote(String note) {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new DisqualifyLead(LEAD_ID, DisqualificationReason.OTHER, note, null))
                    .expectNoEvents()
                    .expectException(invalidField("note", "required"));
        }

        @Test
        void refusesAMissingReason() {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new DisqualifyLead(LEAD_ID, null, "no reason given", null))
                    .expectNoEvents()
                    .expectException(invalidField("reason", "required"));
        }

        @Test
        void refusesATooLongNote() {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new DisqualifyLead(LEAD_ID, DisqualificationReason.NO_NEED, "x".repeat(1001), null))
                    .expectNoEvents()
                    .expectException(invalidField("note", "too-long"));
        }

        @ParameterizedTest
        @EnumSource(value = LeadStatus.class, names = {"QUALIFIED", "DISQUALIFIED"})
        void refusesALeadAlreadyDecided(LeadStatus status) {
            fixture.given(leadIn(status))
                    .when(new DisqualifyLead(LEAD_ID, DisqualificationReason.NO_NEED, null, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(status))
                    .expectExceptionMessage("Cannot disqualify a lead when the status is " + status);
        }
    }

    @Nested
    class Reopen {

        @ParameterizedTest
        @EnumSource(value = LeadStatus.class, names = {"QUALIFIED", "DISQUALIFIED"})
        void reopensADecidedLead(LeadStatus status) {
            fixture.given(leadIn(status))
                    .when(new ReopenLead(LEAD_ID, null))
                    .expectEvents(new LeadReopened(LEAD_ID, status))
                    .expectResultMessagePayload(2L);
        }

        @ParameterizedTest
        @EnumSource(value = LeadStatus.class, names = {"NEW", "WORKING"})
        void refusesAnOpenLead(LeadStatus status) {
            fixture.given(leadIn(status))
                    .when(new ReopenLead(LEAD_ID, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(status))
                    .expectExceptionMessage("Cannot reopen a lead when the status is " + status);
        }

        @Test
        void refusesReopeningTwice() {
            fixture.given(owned(details().email(EMAIL).build()),
                            new LeadQualified(LEAD_ID, LeadStatus.NEW),
                            new LeadReopened(LEAD_ID, LeadStatus.QUALIFIED))
                    .when(new ReopenLead(LEAD_ID, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.WORKING));
        }

        @Test
        void aReopenedLeadMayBeDisqualifiedFromWorking() {
            fixture.given(owned(details().email(EMAIL).build()),
                            new LeadQualified(LEAD_ID, LeadStatus.NEW),
                            new LeadReopened(LEAD_ID, LeadStatus.QUALIFIED))
                    .when(new DisqualifyLead(LEAD_ID, DisqualificationReason.NO_NEED, null, null))
                    .expectEvents(new LeadDisqualified(LEAD_ID, DisqualificationReason.NO_NEED, null,
                            LeadStatus.WORKING))
                    .expectResultMessagePayload(3L);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // ConvertLead
    // ---------------------------------------------------------------------------------------------------------

    /** Account and contact ids other than those a lead converted by {@link LeadFixtures#convert()} went to. */
    static Stream<Arguments> conversionsIntoSomethingElse() {
        return Stream.of(Arguments.of("another account", "account-8", CONTACT_ID),
                Arguments.of("another contact", ACCOUNT_ID, "contact-2"),
                Arguments.of("another account and contact", "account-8", "contact-2"),
                Arguments.of("ids differing only in case", "ACCOUNT-7", CONTACT_ID),
                Arguments.of("account and contact swapped", CONTACT_ID, ACCOUNT_ID));
    }

    @Nested
    class Convert {

        @Test
        void convertsAQualifiedLeadIntoTheAccountAndContact() {
            fixture.given(leadIn(LeadStatus.QUALIFIED))
                    .when(convert())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new LeadConverted(LEAD_ID, ACCOUNT_ID, CONTACT_ID, LeadStatus.QUALIFIED))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void convertsALeadQualifiedAfterBeingWorked() {
            fixture.given(owned(details().email(EMAIL).build()),
                            new LeadWorkStarted(LEAD_ID),
                            new LeadQualified(LEAD_ID, LeadStatus.WORKING))
                    .when(convert())
                    .expectEvents(converted())
                    .expectResultMessagePayload(3L);
        }

        @Test
        void convertsALeadQualifiedAgainAfterBeingReopened() {
            fixture.given(owned(details().email(EMAIL).build()),
                            new LeadDisqualified(LEAD_ID, DisqualificationReason.NOT_REACHABLE, null, LeadStatus.NEW),
                            new LeadReopened(LEAD_ID, LeadStatus.DISQUALIFIED),
                            new LeadQualified(LEAD_ID, LeadStatus.WORKING))
                    .when(convert())
                    .expectEvents(converted())
                    .expectResultMessagePayload(4L);
        }

        @Test
        void trimsTheAccountAndContactIds() {
            fixture.given(leadIn(LeadStatus.QUALIFIED))
                    .when(new ConvertLead(LEAD_ID, "  account-7 ", " contact-1  ", null))
                    .expectEvents(converted());
        }

        @Test
        void acceptsEveryCharacterAnIdentifierMayHave() {
            fixture.given(leadIn(LeadStatus.QUALIFIED))
                    .when(new ConvertLead(LEAD_ID, "Acc_7.fr@erp-1", "C-1_x.y@z", null))
                    .expectEvents(new LeadConverted(LEAD_ID, "Acc_7.fr@erp-1", "C-1_x.y@z", LeadStatus.QUALIFIED));
        }

        @ParameterizedTest
        @EnumSource(value = LeadStatus.class, names = {"NEW", "WORKING", "DISQUALIFIED"})
        void refusesALeadThatIsNotQualified(LeadStatus status) {
            fixture.given(leadIn(status))
                    .when(convert())
                    .expectNoEvents()
                    .expectException(invalidTransition(status))
                    .expectExceptionMessage("Cannot convert a lead when the status is " + status);
        }

        @Test
        void refusesAQualifiedLeadThatWasReopened() {
            fixture.given(owned(details().email(EMAIL).build()),
                            new LeadQualified(LEAD_ID, LeadStatus.NEW),
                            new LeadReopened(LEAD_ID, LeadStatus.QUALIFIED))
                    .when(convert())
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.WORKING));
        }

        @Test
        void convertingAgainIntoTheSameAccountAndContactEmitsNothingAndAnswersTheCurrentVersion() {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(convert())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
        }

        @Test
        void convertingAgainWithTheSameIdsInSurroundingSpacesEmitsNothing() {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(new ConvertLead(LEAD_ID, " account-7 ", " contact-1 ", null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
        }

        @Test
        void aRetryAnswersTheVersionOfTheWholeHistory() {
            fixture.given(owned(details().email(EMAIL).build()),
                            new LeadWorkStarted(LEAD_ID),
                            new LeadQualified(LEAD_ID, LeadStatus.WORKING),
                            converted())
                    .when(new ConvertLead(LEAD_ID, ACCOUNT_ID, CONTACT_ID, 3L))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(3L);
        }

        @Test
        void aRetryWithAStaleExpectedVersionIsRefused() {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(new ConvertLead(LEAD_ID, ACCOUNT_ID, CONTACT_ID, 1L))
                    .expectNoEvents()
                    .expectException(staleVersion(1, 2));
        }

        @Test
        void aRetryByTheOwnerEmitsNothing() {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(convert(), as(OWNER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.lead.LeadTest#conversionsIntoSomethingElse")
        void refusesConvertingAgainIntoSomethingElse(String name, String accountId, String contactId) {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(new ConvertLead(LEAD_ID, accountId, contactId, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.CONVERTED))
                    .expectExceptionMessage("Cannot convert a lead when the status is CONVERTED");
        }

        @ParameterizedTest
        @ValueSource(strings = {"account 7", "account/7", "account-é", "account#7", "account:7"})
        void refusesAnInvalidAccountId(String accountId) {
            fixture.given(leadIn(LeadStatus.QUALIFIED))
                    .when(new ConvertLead(LEAD_ID, accountId, CONTACT_ID, null))
                    .expectNoEvents()
                    .expectException(invalidField("accountId", "invalid-identifier"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void refusesAMissingAccountId(String accountId) {
            fixture.given(leadIn(LeadStatus.QUALIFIED))
                    .when(new ConvertLead(LEAD_ID, accountId, CONTACT_ID, null))
                    .expectNoEvents()
                    .expectException(invalidField("accountId", "required"));
        }

        @Test
        void refusesATooLongAccountId() {
            fixture.given(leadIn(LeadStatus.QUALIFIED))
                    .when(new ConvertLead(LEAD_ID, "a".repeat(101), CONTACT_ID, null))
                    .expectNoEvents()
                    .expectException(invalidField("accountId", "too-long"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"contact 1", "contact/1", "contact-é", "contact#1", "contact:1"})
        void refusesAnInvalidContactId(String contactId) {
            fixture.given(leadIn(LeadStatus.QUALIFIED))
                    .when(new ConvertLead(LEAD_ID, ACCOUNT_ID, contactId, null))
                    .expectNoEvents()
                    .expectException(invalidField("contactId", "invalid-identifier"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void refusesAMissingContactId(String contactId) {
            fixture.given(leadIn(LeadStatus.QUALIFIED))
                    .when(new ConvertLead(LEAD_ID, ACCOUNT_ID, contactId, null))
                    .expectNoEvents()
                    .expectException(invalidField("contactId", "required"));
        }

        @Test
        void refusesATooLongContactId() {
            fixture.given(leadIn(LeadStatus.QUALIFIED))
                    .when(new ConvertLead(LEAD_ID, ACCOUNT_ID, "c".repeat(101), null))
                    .expectNoEvents()
                    .expectException(invalidField("contactId", "too-long"));
        }

        @Test
        void namesTheAccountIdFirstWhenBothIdsAreInvalid() {
            fixture.given(leadIn(LeadStatus.QUALIFIED))
                    .when(new ConvertLead(LEAD_ID, "account 7", null, null))
                    .expectNoEvents()
                    .expectException(invalidField("accountId", "invalid-identifier"));
        }

        @Test
        void checksTheIdsBeforeTheStatus() {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new ConvertLead(LEAD_ID, ACCOUNT_ID, "contact 1", null))
                    .expectNoEvents()
                    .expectException(invalidField("contactId", "invalid-identifier"));
        }

        @Test
        void checksTheIdsOfARetryBeforeComparingThem() {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(new ConvertLead(LEAD_ID, null, CONTACT_ID, null))
                    .expectNoEvents()
                    .expectException(invalidField("accountId", "required"));
        }
    }

    /** A converted lead lives on as its account's contact: it changes no more. */
    @Nested
    class AfterConversion {

        @Test
        void refusesUpdatingTheDetails() {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(update(changes(LeadField.CITY, "Lyon")))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.CONVERTED))
                    .expectExceptionMessage("Cannot update a lead when the status is CONVERTED");
        }

        @Test
        void refusesAnUpdateBeforeLookingAtItsChanges() {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(update(Map.of()))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.CONVERTED));
        }

        @Test
        void refusesAnUpdateThatWouldChangeNothing() {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(update(changes(LeadField.EMAIL, EMAIL)))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.CONVERTED));
        }

        @Test
        void refusesReassigningTheLead() {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(new AssignLeadOwner(LEAD_ID, "rep-1", null))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.CONVERTED))
                    .expectExceptionMessage("Cannot reassign a lead when the status is CONVERTED");
        }

        @Test
        void refusesAssigningTheSameOwnerAgain() {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(new AssignLeadOwner(LEAD_ID, OWNER, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.CONVERTED));
        }

        @Test
        void refusesAnAssignmentBeforeLookingAtTheNewOwner() {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(new AssignLeadOwner(LEAD_ID, "Not a user", null))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.CONVERTED));
        }

        @Test
        void refusesStartingWork() {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(new StartWorkingLead(LEAD_ID, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.CONVERTED))
                    .expectExceptionMessage("Cannot start working a lead when the status is CONVERTED");
        }

        @Test
        void refusesQualifying() {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(new QualifyLead(LEAD_ID, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.CONVERTED))
                    .expectExceptionMessage("Cannot qualify a lead when the status is CONVERTED");
        }

        @Test
        void refusesDisqualifying() {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(new DisqualifyLead(LEAD_ID, DisqualificationReason.NO_NEED, null, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.CONVERTED))
                    .expectExceptionMessage("Cannot disqualify a lead when the status is CONVERTED");
        }

        @Test
        void refusesReopening() {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(new ReopenLead(LEAD_ID, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.CONVERTED))
                    .expectExceptionMessage("Cannot reopen a lead when the status is CONVERTED");
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, MANAGER, ADMIN, SYSTEM})
        void refusesEvenThoseWhoMayChangeTheLead(String actor) {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(update(changes(LeadField.CITY, "Lyon")), as(actor))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.CONVERTED));
        }

        @Test
        void answersNotFoundRatherThanConvertedToWhoeverCannotSeeTheLead() {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(update(changes(LeadField.CITY, "Lyon")), as(PEER))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @Test
        void answersForbiddenRatherThanConvertedToAReadOnlyProfile() {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(new AssignLeadOwner(LEAD_ID, "rep-1", null), as(AUDITOR))
                    .expectNoEvents()
                    .expectException(forbidden());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Versions and optimistic concurrency
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Each case: a history of two events (so the lead is at version 1) and a command, valid in that history,
     * built from an expected version.
     */
    static Stream<Arguments> commandsAtVersionOne() {
        Object captured = owned(details().email(EMAIL).build());  // owned by OWNER, whom MANAGER manages
        return Stream.of(
                Arguments.of("UpdateLeadDetails", List.of(captured, new LeadOwnerAssigned(LEAD_ID, "rep-1", OWNER)),
                        (LongFunction<Object>) v -> update(changes(LeadField.CITY, "Lyon"), v)),
                Arguments.of("AssignLeadOwner", List.of(captured, new LeadOwnerAssigned(LEAD_ID, "rep-1", OWNER)),
                        (LongFunction<Object>) v -> new AssignLeadOwner(LEAD_ID, "rep-2", v)),
                Arguments.of("StartWorkingLead", List.of(captured, new LeadOwnerAssigned(LEAD_ID, "rep-1", OWNER)),
                        (LongFunction<Object>) v -> new StartWorkingLead(LEAD_ID, v)),
                Arguments.of("QualifyLead", List.of(captured, new LeadWorkStarted(LEAD_ID)),
                        (LongFunction<Object>) v -> new QualifyLead(LEAD_ID, v)),
                Arguments.of("DisqualifyLead", List.of(captured, new LeadWorkStarted(LEAD_ID)),
                        (LongFunction<Object>) v -> new DisqualifyLead(LEAD_ID, DisqualificationReason.NO_NEED,
                                null, v)),
                Arguments.of("WithdrawLeadConsent", List.of(captured, new LeadWorkStarted(LEAD_ID)),
                        (LongFunction<Object>) v -> new WithdrawLeadConsent(LEAD_ID, null, ConsentChannel.EMAIL, v)),
                Arguments.of("ReopenLead", List.of(captured, new LeadQualified(LEAD_ID, LeadStatus.NEW)),
                        (LongFunction<Object>) v -> new ReopenLead(LEAD_ID, v)),
                Arguments.of("ConvertLead", List.of(captured, new LeadQualified(LEAD_ID, LeadStatus.NEW)),
                        (LongFunction<Object>) v -> new ConvertLead(LEAD_ID, ACCOUNT_ID, CONTACT_ID, v)),
                Arguments.of("MergeLeadInto", List.of(captured, new LeadWorkStarted(LEAD_ID)),
                        (LongFunction<Object>) v -> new MergeLeadInto(LEAD_ID, SURVIVOR_ID, v)));
    }

    /** {@link #commandsAtVersionOne()}, each with a stale, the current and a future expected version. */
    static Stream<Arguments> commandsAtVersionOneWithEveryExpectedVersion() {
        return ExpectedVersions.staleCurrentAndFuture(commandsAtVersionOne(), 1);
    }

    @Nested
    class Versions {

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.lead.LeadTest#commandsAtVersionOne")
        void acceptedCommandAnswersTheNewVersion(String name, List<Object> history, LongFunction<Object> command) {
            fixture.given(history)
                    .when(command.apply(1L))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(2L);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.lead.LeadTest#commandsAtVersionOne")
        void commandWithoutExpectedVersionIsNotChecked(String name, List<Object> history,
                                                       LongFunction<Object> command) {
            Object unchecked = withoutExpectedVersion(command.apply(0L));

            fixture.given(history)
                    .when(unchecked)
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(2L);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.lead.LeadTest#commandsAtVersionOne")
        void staleExpectedVersionIsRefused(String name, List<Object> history, LongFunction<Object> command) {
            fixture.given(history)
                    .when(command.apply(0L))
                    .expectNoEvents()
                    .expectException(staleVersion(0, 1));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.lead.LeadTest#commandsAtVersionOne")
        void expectedVersionAheadOfTheLeadIsRefused(String name, List<Object> history,
                                                    LongFunction<Object> command) {
            fixture.given(history)
                    .when(command.apply(5L))
                    .expectNoEvents()
                    .expectException(staleVersion(5, 1));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.lead.LeadTest#commandsAtVersionOne")
        void theSystemIsHeldToItsExpectedVersionToo(String name, List<Object> history, LongFunction<Object> command) {
            fixture.given(history)
                    .when(command.apply(0L), as(SYSTEM))
                    .expectNoEvents()
                    .expectException(staleVersion(0, 1));
        }

        @ParameterizedTest(name = "{0} expecting version {3}")
        @MethodSource("io.relais.lead.LeadTest#commandsAtVersionOneWithEveryExpectedVersion")
        void whoeverMayNotSeeTheLeadIsToldItDoesNotExistWhateverTheVersion(String name, List<Object> history,
                                                                            LongFunction<Object> command,
                                                                            long version) {
            fixture.given(history)
                    .when(command.apply(version), as(OTHER_REP))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest(name = "{0} expecting version {3}")
        @MethodSource("io.relais.lead.LeadTest#commandsAtVersionOneWithEveryExpectedVersion")
        void aReadOnlyProfileIsForbiddenWhateverTheVersion(String name, List<Object> history,
                                                           LongFunction<Object> command, long version) {
            fixture.given(history)
                    .when(command.apply(version), as(AUDITOR))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void staleExpectedVersionIsRefusedEvenWhenTheCommandWouldChangeNothing() {
            fixture.given(capturedWithOwner("rep-1"), new LeadWorkStarted(LEAD_ID))
                    .when(new AssignLeadOwner(LEAD_ID, "rep-1", 0L))
                    .expectNoEvents()
                    .expectException(staleVersion(0, 1));
        }

        @Test
        void staleExpectedVersionOnAnUpdateThatChangesNothingIsRefused() {
            fixture.given(owned(details().email(EMAIL).city("Paris").build()), new LeadWorkStarted(LEAD_ID))
                    .when(update(changes(LeadField.CITY, "Paris"), 0L))
                    .expectNoEvents()
                    .expectException(staleVersion(0, 1));
        }

        @Test
        void versionCountsEveryEventInTheHistory() {
            LeadDetails details = details().email(EMAIL).build();

            fixture.given(captured(details),
                            new LeadOwnerAssigned(LEAD_ID, "rep-1", null),
                            new LeadWorkStarted(LEAD_ID),
                            new LeadQualified(LEAD_ID, LeadStatus.WORKING),
                            new LeadReopened(LEAD_ID, LeadStatus.QUALIFIED))
                    .when(new QualifyLead(LEAD_ID, 4L))
                    .expectEvents(new LeadQualified(LEAD_ID, LeadStatus.WORKING))
                    .expectResultMessagePayload(5L);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Who may capture a lead, and for whom
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class WhoMayCapture {

        @Test
        void aRepCapturesALeadForThemselves() {
            fixture.givenNoPriorActivity()
                    .when(captureFor(OWNER), as(OWNER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(capturedWithOwner(OWNER));
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, MANAGER})
        void aSalesUsersLeadWithoutOwnerIsTheirs(String actor) {
            fixture.givenNoPriorActivity()
                    .when(captureFor(null), as(actor))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(capturedWithOwner(actor));
        }

        @ParameterizedTest
        @ValueSource(strings = {ADMIN, SYSTEM})
        void anAdministratorsOrTheSystemsLeadWithoutOwnerStaysUnassignedForTheRouting(String actor) {
            LeadDetails details = details().email(EMAIL).build();

            fixture.givenNoPriorActivity()
                    .when(capture(details), as(actor))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(captured(details));
        }

        @ParameterizedTest(name = "{0} for {1}")
        @MethodSource("io.relais.lead.LeadTest#capturesWithinReach")
        void capturesALeadForTheActorOrSomeoneBelowThem(String actor, String ownerId) {
            fixture.givenNoPriorActivity()
                    .when(captureFor(ownerId), as(actor))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(capturedWithOwner(ownerId));
        }

        @ParameterizedTest(name = "{0} for {1}")
        @MethodSource("io.relais.lead.LeadTest#capturesOutOfReach")
        void refusesAnOwnerOutOfTheActorsReach(String actor, String ownerId) {
            fixture.givenNoPriorActivity()
                    .when(captureFor(ownerId), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void theImportCapturesForTheOwnerItNamesOrLeavesTheLeadToTheRouting() {
            fixture.givenNoPriorActivity()
                    .when(captureFor(OTHER_REP), as(OrganisationIds.IMPORT))
                    .expectEvents(capturedWithOwner(OTHER_REP));
            fixture.givenNoPriorActivity()
                    .when(capture(details().email(EMAIL).build()), as(OrganisationIds.IMPORT))
                    .expectEvents(captured(details().email(EMAIL).build()));
            fixture.givenNoPriorActivity()
                    .when(captureFor(AUDITOR), as(OrganisationIds.IMPORT))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "owner-cannot-own-records"));
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST, STEWARD})
        void refusesAProfileThatDoesNotChangeRecords(String actor) {
            fixture.givenNoPriorActivity()
                    .when(capture(details().email(EMAIL).build()), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest
        @ValueSource(strings = {UNKNOWN, FORMER})
        void refusesAnActorWhoIsNotAnActiveUser(String actor) {
            fixture.givenNoPriorActivity()
                    .when(capture(details().email(EMAIL).build()), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void checksTheActorBeforeTheDetails() {
            fixture.givenNoPriorActivity()
                    .when(capture(null), as(AUDITOR))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest(name = "{0} for {1}")
        @MethodSource("io.relais.lead.LeadTest#unknownOwners")
        void refusesAnOwnerWhoIsNotAnActiveUser(String actor, String ownerId) {
            fixture.givenNoPriorActivity()
                    .when(captureFor(ownerId), as(actor))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "unknown-owner"));
        }

        @ParameterizedTest(name = "{0} for {1}")
        @MethodSource("io.relais.lead.LeadTest#ownersWhoCannotOwnRecords")
        void refusesAnOwnerWhoseProfileCannotOwnRecords(String actor, String ownerId) {
            fixture.givenNoPriorActivity()
                    .when(captureFor(ownerId), as(actor))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "owner-cannot-own-records"));
        }
    }

    static Stream<Arguments> capturesWithinReach() {
        return Stream.of(Arguments.of(MANAGER, OWNER), Arguments.of(MANAGER, MANAGER), Arguments.of(DIRECTOR, OWNER),
                Arguments.of(DIRECTOR, OTHER_REP), Arguments.of(ADMIN, OTHER_REP), Arguments.of(ADMIN, DIRECTOR),
                Arguments.of(ADMIN, ADMIN), Arguments.of(SYSTEM, OTHER_REP));
    }

    static Stream<Arguments> capturesOutOfReach() {
        return Stream.of(Arguments.of(OWNER, PEER), Arguments.of(OWNER, MANAGER), Arguments.of(MANAGER, OTHER_REP),
                Arguments.of(MANAGER, OTHER_MANAGER), Arguments.of(MANAGER, DIRECTOR),
                Arguments.of(OTHER_MANAGER, OWNER));
    }

    /** For each actor allowed to give records away, owners who are unknown or deactivated. */
    static Stream<Arguments> unknownOwners() {
        return Stream.of(Arguments.of(OWNER, UNKNOWN), Arguments.of(MANAGER, UNKNOWN), Arguments.of(MANAGER, FORMER),
                Arguments.of(ADMIN, UNKNOWN), Arguments.of(ADMIN, FORMER), Arguments.of(SYSTEM, UNKNOWN),
                Arguments.of(SYSTEM, FORMER));
    }

    static Stream<Arguments> ownersWhoCannotOwnRecords() {
        return Stream.of(Arguments.of(ADMIN, AUDITOR), Arguments.of(ADMIN, ANALYST), Arguments.of(ADMIN, STEWARD),
                Arguments.of(MANAGER, AUDITOR), Arguments.of(SYSTEM, ANALYST));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Who may change a lead
    // ---------------------------------------------------------------------------------------------------------

    /** A change valid for a lead {@code from} that status, and the event it gives. */
    record Change(String name, LeadStatus from, Object command, Object event) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Change> changes() {
        return List.of(
                new Change("UpdateLeadDetails", LeadStatus.NEW, update(changes(LeadField.CITY, "Lyon")),
                        new LeadDetailsUpdated(LEAD_ID, details().email(EMAIL).city("Lyon").build(),
                                List.of(new FieldChange("city", null, "Lyon")))),
                new Change("StartWorkingLead", LeadStatus.NEW, new StartWorkingLead(LEAD_ID, null),
                        new LeadWorkStarted(LEAD_ID)),
                new Change("QualifyLead", LeadStatus.WORKING, new QualifyLead(LEAD_ID, null),
                        new LeadQualified(LEAD_ID, LeadStatus.WORKING)),
                new Change("DisqualifyLead", LeadStatus.NEW,
                        new DisqualifyLead(LEAD_ID, DisqualificationReason.NO_NEED, null, null),
                        new LeadDisqualified(LEAD_ID, DisqualificationReason.NO_NEED, null, LeadStatus.NEW)),
                new Change("ReopenLead", LeadStatus.DISQUALIFIED, new ReopenLead(LEAD_ID, null),
                        new LeadReopened(LEAD_ID, LeadStatus.DISQUALIFIED)),
                new Change("ConvertLead", LeadStatus.QUALIFIED, convert(), converted()));
    }

    private static Stream<Arguments> changesBy(String... actors) {
        return changes().stream().flatMap(change -> Stream.of(actors).map(actor -> Arguments.of(change, actor)));
    }

    static Stream<Arguments> changesByActorsWhoMay() {
        return changesBy(OWNER, MANAGER, DIRECTOR, ADMIN, SYSTEM);
    }

    static Stream<Arguments> changesByActorsWhoCannotSeeTheLead() {
        return changesBy(PEER, OTHER_MANAGER, OTHER_REP, UNKNOWN, FORMER);
    }

    static Stream<Arguments> changesByReadOnlyProfiles() {
        return changesBy(AUDITOR, ANALYST, STEWARD);
    }

    static Stream<Arguments> changesOfAnUnassignedLeadByActorsWhoMay() {
        return changesBy(ADMIN, SYSTEM);
    }

    static Stream<Arguments> changesOfAnUnassignedLeadBySalesProfiles() {
        return changesBy(OWNER, MANAGER, DIRECTOR);
    }

    @Nested
    class WhoMayChange {

        @ParameterizedTest(name = "{0} by {1}")
        @MethodSource("io.relais.lead.LeadTest#changesByActorsWhoMay")
        void acceptsTheOwnerThoseAboveThemAdministratorsAndTheSystem(Change change, String actor) {
            fixture.given(leadIn(change.from()))
                    .when(change.command(), as(actor))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(change.event());
        }

        @ParameterizedTest(name = "{0} by {1}")
        @MethodSource("io.relais.lead.LeadTest#changesByActorsWhoCannotSeeTheLead")
        void answersNotFoundToWhoeverCannotSeeTheLead(Change change, String actor) {
            fixture.given(leadIn(change.from()))
                    .when(change.command(), as(actor))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest(name = "{0} by {1}")
        @MethodSource("io.relais.lead.LeadTest#changesByReadOnlyProfiles")
        void refusesProfilesThatOnlyRead(Change change, String actor) {
            fixture.given(leadIn(change.from()))
                    .when(change.command(), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest(name = "{0} by {1}")
        @MethodSource("io.relais.lead.LeadTest#changesOfAnUnassignedLeadByActorsWhoMay")
        void letsAdministratorsAndTheSystemChangeAnUnassignedLead(Change change, String actor) {
            fixture.given(leadIn(change.from(), null))
                    .when(change.command(), as(actor))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(change.event());
        }

        @ParameterizedTest(name = "{0} by {1}")
        @MethodSource("io.relais.lead.LeadTest#changesOfAnUnassignedLeadBySalesProfiles")
        void answersNotFoundToSalesProfilesForAnUnassignedLead(Change change, String actor) {
            fixture.given(leadIn(change.from(), null))
                    .when(change.command(), as(actor))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @Test
        void refusesAReadOnlyProfileAnUnassignedLead() {
            fixture.given(leadIn(LeadStatus.NEW, null))
                    .when(new StartWorkingLead(LEAD_ID, null), as(AUDITOR))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void theLeadsOfADeactivatedRepStayInTheirManagersHands() {
            fixture.given(leadIn(LeadStatus.NEW, FORMER))
                    .when(new StartWorkingLead(LEAD_ID, null), as(MANAGER))
                    .expectEvents(new LeadWorkStarted(LEAD_ID));
        }

        @Test
        void aDeactivatedRepNoLongerSeesTheirLeads() {
            fixture.given(leadIn(LeadStatus.NEW, FORMER))
                    .when(new StartWorkingLead(LEAD_ID, null), as(FORMER))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @Test
        void aLeadGivenToAnotherTeamLeavesTheFormerOwnersLine() {
            fixture.given(owned(details().email(EMAIL).build()), new LeadOwnerAssigned(LEAD_ID, OTHER_REP, OWNER))
                    .when(new StartWorkingLead(LEAD_ID, null), as(MANAGER))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @Test
        void aLeadGivenToAnotherTeamIsInItsManagersHands() {
            fixture.given(owned(details().email(EMAIL).build()), new LeadOwnerAssigned(LEAD_ID, OTHER_REP, OWNER))
                    .when(new StartWorkingLead(LEAD_ID, null), as(OTHER_MANAGER))
                    .expectEvents(new LeadWorkStarted(LEAD_ID));
        }

        @Test
        void checksTheActorBeforeTheChanges() {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(update(Map.of()), as(PEER))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @Test
        void checksTheActorBeforeTheIdsOfAConversion() {
            fixture.given(leadIn(LeadStatus.QUALIFIED))
                    .when(new ConvertLead(LEAD_ID, "account 7", null, null), as(PEER))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @Test
        void refusesAReadOnlyProfileAConversionWithInvalidIds() {
            fixture.given(leadIn(LeadStatus.QUALIFIED))
                    .when(new ConvertLead(LEAD_ID, "account 7", null, null), as(AUDITOR))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest
        @ValueSource(strings = {PEER, OTHER_MANAGER, OTHER_REP, UNKNOWN, FORMER})
        void answersNotFoundToARetriedConversionByWhoeverCannotSeeTheLead(String actor) {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(convert(), as(actor))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST, STEWARD})
        void refusesAReadOnlyProfileARetriedConversion(String actor) {
            fixture.given(leadIn(LeadStatus.CONVERTED))
                    .when(convert(), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void checksTheActorBeforeTheStatus() {
            fixture.given(leadIn(LeadStatus.QUALIFIED))
                    .when(new QualifyLead(LEAD_ID, null), as(ANALYST))
                    .expectNoEvents()
                    .expectException(forbidden());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Who may give a lead to whom
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class WhoMayAssign {

        @Test
        void theOwnerMayKeepTheirLead() {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new AssignLeadOwner(LEAD_ID, OWNER, null), as(OWNER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @ParameterizedTest(name = "{0} gives it to {1}")
        @MethodSource("io.relais.lead.LeadTest#assignmentsWithinReach")
        void givesTheLeadToTheActorOrSomeoneBelowThem(String actor, String ownerId) {
            fixture.given(leadIn(LeadStatus.WORKING))
                    .when(new AssignLeadOwner(LEAD_ID, ownerId, null), as(actor))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new LeadOwnerAssigned(LEAD_ID, ownerId, OWNER))
                    .expectResultMessagePayload(2L);
        }

        @ParameterizedTest(name = "{0} gives it to {1}")
        @MethodSource("io.relais.lead.LeadTest#assignmentsOutOfReach")
        void refusesANewOwnerOutOfTheActorsReach(String actor, String ownerId) {
            fixture.given(leadIn(LeadStatus.WORKING))
                    .when(new AssignLeadOwner(LEAD_ID, ownerId, null), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest
        @ValueSource(strings = {PEER, OTHER_MANAGER, OTHER_REP, UNKNOWN, FORMER})
        void answersNotFoundToWhoeverCannotSeeTheLead(String actor) {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new AssignLeadOwner(LEAD_ID, actor, null), as(actor))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST, STEWARD})
        void refusesProfilesThatOnlyRead(String actor) {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new AssignLeadOwner(LEAD_ID, "rep-1", null), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest(name = "{0} gives it to {1}")
        @MethodSource("io.relais.lead.LeadTest#unknownOwners")
        void refusesANewOwnerWhoIsNotAnActiveUser(String actor, String ownerId) {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new AssignLeadOwner(LEAD_ID, ownerId, null), as(actor))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "unknown-owner"));
        }

        @ParameterizedTest(name = "{0} gives it to {1}")
        @MethodSource("io.relais.lead.LeadTest#ownersWhoCannotOwnRecords")
        void refusesANewOwnerWhoseProfileCannotOwnRecords(String actor, String ownerId) {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new AssignLeadOwner(LEAD_ID, ownerId, null), as(actor))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "owner-cannot-own-records"));
        }

        @ParameterizedTest
        @ValueSource(strings = {OWNER, MANAGER, DIRECTOR})
        void answersNotFoundToSalesProfilesForAnUnassignedLead(String actor) {
            fixture.given(leadIn(LeadStatus.NEW, null))
                    .when(new AssignLeadOwner(LEAD_ID, actor, null), as(actor))
                    .expectNoEvents()
                    .expectException(notFound());
        }

        @ParameterizedTest
        @ValueSource(strings = {ADMIN, SYSTEM})
        void letsAdministratorsAndTheSystemGiveAnUnassignedLead(String actor) {
            fixture.given(leadIn(LeadStatus.NEW, null))
                    .when(new AssignLeadOwner(LEAD_ID, OTHER_REP, null), as(actor))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new LeadOwnerAssigned(LEAD_ID, OTHER_REP, null));
        }

        @Test
        void checksTheActorBeforeTheNewOwnerId() {
            fixture.given(leadIn(LeadStatus.NEW))
                    .when(new AssignLeadOwner(LEAD_ID, "not a user id", null), as(PEER))
                    .expectNoEvents()
                    .expectException(notFound());
        }
    }

    static Stream<Arguments> assignmentsWithinReach() {
        return Stream.of(Arguments.of(MANAGER, "rep-1"), Arguments.of(MANAGER, MANAGER),
                Arguments.of(DIRECTOR, "rep-1"), Arguments.of(DIRECTOR, OTHER_MANAGER),
                Arguments.of(DIRECTOR, OTHER_REP), Arguments.of(ADMIN, OTHER_REP), Arguments.of(ADMIN, ADMIN),
                Arguments.of(SYSTEM, OTHER_REP));
    }

    static Stream<Arguments> assignmentsOutOfReach() {
        return Stream.of(Arguments.of(OWNER, PEER), Arguments.of(OWNER, MANAGER), Arguments.of(MANAGER, OTHER_REP),
                Arguments.of(MANAGER, OTHER_MANAGER), Arguments.of(MANAGER, DIRECTOR));
    }

    // ---------------------------------------------------------------------------------------------------------
    // AutoAssignLead
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class AutoAssign {

        @Test
        void givesAnUnassignedLeadTheOwnerTheRulesChose() {
            fixture.given(captured(details().email(EMAIL).build()))
                    .when(new AutoAssignLead(LEAD_ID, "rep-1", "north", "rule-1"), as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new LeadOwnerAssigned(LEAD_ID, "rep-1", null, "north", "rule-1"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void givesAnUnassignedLeadTheDefaultOwner() {
            fixture.given(captured(details().email(EMAIL).build()))
                    .when(new AutoAssignLead(LEAD_ID, "rep-1", null, null), as(SYSTEM))
                    .expectEvents(new LeadOwnerAssigned(LEAD_ID, "rep-1", null, null, null));
        }

        @Test
        void leavesALeadCapturedWithAnOwnerAlone() {
            fixture.given(owned(details().email(EMAIL).build()))
                    .when(new AutoAssignLead(LEAD_ID, "rep-1", "north", "rule-1"), as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void leavesALeadSomeoneTookMeanwhileAlone() {
            fixture.given(captured(details().email(EMAIL).build()), new LeadOwnerAssigned(LEAD_ID, "rep-2", null))
                    .when(new AutoAssignLead(LEAD_ID, "rep-1", "north", "rule-1"), as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void theChosenOwnersManagerMayThenReassignIt() {
            fixture.given(captured(details().email(EMAIL).build()),
                            new LeadOwnerAssigned(LEAD_ID, "rep-1", null, "north", "rule-1"))
                    .when(new AssignLeadOwner(LEAD_ID, "rep-2", null), as(MANAGER))
                    .expectEvents(new LeadOwnerAssigned(LEAD_ID, "rep-2", "rep-1"));
        }

        @ParameterizedTest
        @ValueSource(strings = {DIRECTOR, OTHER_MANAGER, OTHER_REP, ADMIN})
        void givesAnUnassignedLeadToAnyActiveUserWhoMayOwnRecords(String ownerId) {
            fixture.given(captured(details().email(EMAIL).build()))
                    .when(new AutoAssignLead(LEAD_ID, ownerId, "north", "rule-1"), as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new LeadOwnerAssigned(LEAD_ID, ownerId, null, "north", "rule-1"));
        }

        @ParameterizedTest
        @ValueSource(strings = {UNKNOWN, FORMER})
        void refusesAnOwnerWhoIsNotAnActiveUser(String ownerId) {
            fixture.given(captured(details().email(EMAIL).build()))
                    .when(new AutoAssignLead(LEAD_ID, ownerId, "north", "rule-1"), as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "unknown-owner"));
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST, STEWARD})
        void refusesAnOwnerWhoseProfileCannotOwnRecords(String ownerId) {
            fixture.given(captured(details().email(EMAIL).build()))
                    .when(new AutoAssignLead(LEAD_ID, ownerId, "north", "rule-1"), as(SYSTEM))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "owner-cannot-own-records"));
        }

        @ParameterizedTest
        @ValueSource(strings = {UNKNOWN, FORMER, AUDITOR})
        void leavesAnOwnedLeadAloneWhoeverTheRulesChose(String ownerId) {
            fixture.given(owned(details().email(EMAIL).build()))
                    .when(new AutoAssignLead(LEAD_ID, ownerId, "north", "rule-1"), as(SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {ADMIN, MANAGER, OWNER, UNKNOWN})
        void refusesAnActorOtherThanTheSystem(String actor) {
            fixture.given(captured(details().email(EMAIL).build()))
                    .when(new AutoAssignLead(LEAD_ID, "rep-1", "north", "rule-1"), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------

    /** What {@link #capturedWithOwner} records. */
    private static CaptureLead captureFor(String ownerId) {
        return new CaptureLead(LEAD_ID, details().email(EMAIL).build(), LeadSource.REP_ENTRY, null, null, ownerId);
    }

    private static CaptureLead capture(LeadDetails details) {
        return new CaptureLead(LEAD_ID, details, LeadSource.WEB_FORM, null, null, null);
    }

    private static LeadCaptured captured(LeadDetails details) {
        return new LeadCaptured(LEAD_ID, details, LeadSource.WEB_FORM, null, null, null);
    }

    private static LeadCaptured capturedWithOwner(String ownerId) {
        return new LeadCaptured(LEAD_ID, details().email(EMAIL).build(), LeadSource.REP_ENTRY, null, null, ownerId);
    }

    private static UpdateLeadDetails update(Map<LeadField, String> changes) {
        return new UpdateLeadDetails(LEAD_ID, changes, null);
    }

    private static UpdateLeadDetails update(Map<LeadField, String> changes, Long expectedVersion) {
        return new UpdateLeadDetails(LEAD_ID, changes, expectedVersion);
    }

    /** An ordered change set; values may be null (Map.of does not allow that). */
    private static Map<LeadField, String> changes(LeadField field, String value) {
        Map<LeadField, String> changes = new LinkedHashMap<>();
        changes.put(field, value);
        return changes;
    }

    private static Map<LeadField, String> changes(LeadField field, String value, LeadField other, String otherValue) {
        Map<LeadField, String> changes = changes(field, value);
        changes.put(other, otherValue);
        return changes;
    }

    private static Object withoutExpectedVersion(Object command) {
        if (command instanceof UpdateLeadDetails c) {
            return new UpdateLeadDetails(c.leadId(), c.changes(), null);
        } else if (command instanceof AssignLeadOwner c) {
            return new AssignLeadOwner(c.leadId(), c.ownerId(), null);
        } else if (command instanceof StartWorkingLead c) {
            return new StartWorkingLead(c.leadId(), null);
        } else if (command instanceof QualifyLead c) {
            return new QualifyLead(c.leadId(), null);
        } else if (command instanceof DisqualifyLead c) {
            return new DisqualifyLead(c.leadId(), c.reason(), c.note(), null);
        } else if (command instanceof WithdrawLeadConsent c) {
            return new WithdrawLeadConsent(c.leadId(), c.date(), c.channel(), null);
        } else if (command instanceof ReopenLead c) {
            return new ReopenLead(c.leadId(), null);
        } else if (command instanceof ConvertLead c) {
            return new ConvertLead(c.leadId(), c.accountId(), c.contactId(), null);
        } else if (command instanceof MergeLeadInto c) {
            return new MergeLeadInto(c.leadId(), c.survivorId(), null);
        }
        throw new IllegalArgumentException("Unknown command " + command);
    }

    private static LeadDetails fullDetails() {
        return details().firstName("Jeanne").lastName("Martin").email(EMAIL).phone(PHONE).company("Acme SARL")
                .jobTitle("Buyer").website("https://acme.example.fr").postalCode("69001").city("Lyon")
                .country("FR").notes("Met at the Lyon fair").build();
    }
}
