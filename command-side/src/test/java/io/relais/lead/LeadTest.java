package io.relais.lead;

import io.relais.common.FieldChange;
import io.relais.common.InvalidFieldException;
import io.relais.common.InvalidTransitionException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.containsString;

class LeadTest {

    private static final String LEAD_ID = "lead-42";
    private static final Instant NOW = Instant.parse("2025-03-10T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    private static final String EMAIL = "jeanne.martin@example.fr";
    private static final String PHONE = "+33 6 12 34 56 78";

    private FixtureConfiguration<Lead> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Lead.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    // ---------------------------------------------------------------------------------------------------------
    // CaptureLead
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Capture {

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
            MarketingConsent consent = new MarketingConsent(true, TODAY.minusDays(3), ConsentChannel.WEB_FORM);

            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details, LeadSource.WEB_FORM, null, consent, null))
                    .expectEvents(new LeadCaptured(LEAD_ID, details, LeadSource.WEB_FORM, null, consent, null));
        }

        @Test
        void acceptsConsentGivenToday() {
            LeadDetails details = details().email(EMAIL).build();
            MarketingConsent consent = new MarketingConsent(true, TODAY, ConsentChannel.IN_PERSON);

            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details, LeadSource.REP_ENTRY, null, consent, null))
                    .expectEvents(new LeadCaptured(LEAD_ID, details, LeadSource.REP_ENTRY, null, consent, null));
        }

        @Test
        void keepsARefusalOfConsentAsProof() {
            LeadDetails details = details().email(EMAIL).build();
            MarketingConsent refusal = new MarketingConsent(false, TODAY, ConsentChannel.PHONE);

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
                    "\t", " https://acme.example.fr ", " 69001 ", " Lyon ", "fr", "  ");
            LeadDetails normalised = new LeadDetails("Jeanne", "Martin", EMAIL, null, "Acme SARL", null,
                    "https://acme.example.fr", "69001", "Lyon", "FR", null);

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
            MarketingConsent consent = new MarketingConsent(true, TODAY.plusDays(2), ConsentChannel.WEB_FORM);

            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details().email(EMAIL).build(), LeadSource.WEB_FORM, null,
                            consent, null))
                    .expectNoEvents()
                    .expectException(invalidField("consent.date", "date-in-future"));
        }

        @Test
        void acceptsConsentDatedTodayInATimeZoneAheadOfUtc() {
            AggregateTestFixture<Lead> lateEvening = new AggregateTestFixture<>(Lead.class);
            lateEvening.registerInjectableResource(Clock.fixed(Instant.parse("2025-03-10T23:30:00Z"), ZoneOffset.UTC));
            MarketingConsent consent = new MarketingConsent(true, TODAY.plusDays(1), ConsentChannel.IN_PERSON);

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
            MarketingConsent consent = new MarketingConsent(true, null, ConsentChannel.WEB_FORM);

            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details().email(EMAIL).build(), LeadSource.WEB_FORM, null,
                            consent, null))
                    .expectNoEvents()
                    .expectException(invalidField("consent.date", "required"));
        }

        @Test
        void refusesConsentWithoutAChannel() {
            MarketingConsent consent = new MarketingConsent(true, TODAY, null);

            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details().email(EMAIL).build(), LeadSource.WEB_FORM, null,
                            consent, null))
                    .expectNoEvents()
                    .expectException(invalidField("consent.channel", "required"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"rep 1", "rep/1", "rép"})
        void refusesAnOwnerIdWithInvalidCharacters(String ownerId) {
            fixture.givenNoPriorActivity()
                    .when(new CaptureLead(LEAD_ID, details().email(EMAIL).build(), LeadSource.REP_ENTRY, null, null,
                            ownerId))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "invalid-identifier"));
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

            fixture.given(captured(original))
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

            fixture.given(captured(original))
                    .when(update(changes(LeadField.COUNTRY, "FR", LeadField.LAST_NAME, "Martin")))
                    .expectEvents(new LeadDetailsUpdated(LEAD_ID, expected, List.of(
                            new FieldChange("lastName", null, "Martin"),
                            new FieldChange("country", null, "FR"))));
        }

        @Test
        void clearsAFieldGivenNull() {
            LeadDetails expected = details().firstName("Jeanne").email(EMAIL).city("Paris").build();

            fixture.given(captured(original))
                    .when(update(changes(LeadField.PHONE, null)))
                    .expectEvents(new LeadDetailsUpdated(LEAD_ID, expected,
                            List.of(new FieldChange("phone", PHONE, null))));
        }

        @Test
        void clearsAFieldGivenBlank() {
            LeadDetails expected = details().email(EMAIL).phone(PHONE).city("Paris").build();

            fixture.given(captured(original))
                    .when(update(changes(LeadField.FIRST_NAME, "   ")))
                    .expectEvents(new LeadDetailsUpdated(LEAD_ID, expected,
                            List.of(new FieldChange("firstName", "Jeanne", null))));
        }

        @Test
        void trimsAndNormalisesNewValues() {
            LeadDetails expected = details().firstName("Jeanne").email(EMAIL).phone(PHONE).city("Bruxelles")
                    .country("BE").build();

            fixture.given(captured(original))
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

            fixture.given(captured(original),
                            new LeadDetailsUpdated(LEAD_ID, afterFirst, List.of(new FieldChange("city", "Paris", "Lyon"))))
                    .when(update(changes(LeadField.JOB_TITLE, "Buyer")))
                    .expectEvents(new LeadDetailsUpdated(LEAD_ID, afterSecond,
                            List.of(new FieldChange("jobTitle", null, "Buyer"))))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void emitsNothingAndAnswersTheCurrentVersionWhenNothingChanges() {
            fixture.given(captured(original), new LeadOwnerAssigned(LEAD_ID, "rep-1", null))
                    .when(update(changes(LeadField.CITY, "Paris", LeadField.EMAIL, EMAIL)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void emitsNothingWhenTheOnlyDifferenceIsWhitespace() {
            fixture.given(captured(original))
                    .when(update(changes(LeadField.CITY, "  Paris  ")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void emitsNothingWhenClearingAnEmptyField() {
            fixture.given(captured(original))
                    .when(update(changes(LeadField.NOTES, null)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void refusesAnEmptyChangeSet() {
            fixture.given(captured(original))
                    .when(update(Map.of()))
                    .expectNoEvents()
                    .expectException(invalidField("changes", "no-changes"));
        }

        @Test
        void refusesMissingChanges() {
            fixture.given(captured(original))
                    .when(update(null))
                    .expectNoEvents()
                    .expectException(invalidField("changes", "no-changes"));
        }

        @Test
        void refusesRemovingTheLastContactPoint() {
            fixture.given(captured(details().email(EMAIL).city("Paris").build()))
                    .when(update(changes(LeadField.EMAIL, null)))
                    .expectNoEvents()
                    .expectException(invalidField("email", "missing-contact-point"));
        }

        @Test
        void refusesRemovingTheCompanyThatMadeTheNameAContactPoint() {
            fixture.given(captured(details().firstName("Jeanne").company("Acme SARL").build()))
                    .when(update(changes(LeadField.COMPANY, " ")))
                    .expectNoEvents()
                    .expectException(invalidField("email", "missing-contact-point"));
        }

        @Test
        void acceptsRemovingOneContactPointWhileAnotherRemains() {
            LeadDetails expected = details().firstName("Jeanne").phone(PHONE).city("Paris").build();

            fixture.given(captured(original))
                    .when(update(changes(LeadField.EMAIL, null)))
                    .expectEvents(new LeadDetailsUpdated(LEAD_ID, expected,
                            List.of(new FieldChange("email", EMAIL, null))));
        }

        @Test
        void acceptsSwappingOneContactPointForAnotherInOneUpdate() {
            LeadDetails before = details().email(EMAIL).build();
            LeadDetails after = details().phone(PHONE).build();

            fixture.given(captured(before))
                    .when(update(changes(LeadField.EMAIL, null, LeadField.PHONE, PHONE)))
                    .expectEvents(new LeadDetailsUpdated(LEAD_ID, after, List.of(
                            new FieldChange("email", EMAIL, null),
                            new FieldChange("phone", null, PHONE))));
        }

        @Test
        void refusesAnInvalidEmail() {
            fixture.given(captured(original))
                    .when(update(changes(LeadField.EMAIL, "jeanne@@example.fr")))
                    .expectNoEvents()
                    .expectException(invalidField("email", "invalid-email"));
        }

        @Test
        void refusesATooLongValue() {
            fixture.given(captured(original))
                    .when(update(changes(LeadField.NOTES, "x".repeat(4001))))
                    .expectNoEvents()
                    .expectException(invalidField("notes", "too-long"));
        }

        @Test
        void refusesAnUnknownCountry() {
            fixture.given(captured(original))
                    .when(update(changes(LeadField.COUNTRY, "UK")))
                    .expectNoEvents()
                    .expectException(invalidField("country", "invalid-country"));
        }

        @Test
        void changesOnlyTheRequestedFieldsOfDetailsStoredUnderOlderRules() {
            LeadDetails legacy = details().email(EMAIL).country("fr").build();
            LeadDetails expected = details().email(EMAIL).country("fr").city("Lyon").build();

            fixture.given(captured(legacy))
                    .when(update(changes(LeadField.CITY, "Lyon")))
                    .expectEvents(new LeadDetailsUpdated(LEAD_ID, expected,
                            List.of(new FieldChange("city", null, "Lyon"))));
        }

        @Test
        void acceptsUpdatesOfOtherFieldsWhenAStoredValueFailsTodaysRules() {
            LeadDetails legacy = details().email("jeanne@intranet").build();
            LeadDetails expected = details().email("jeanne@intranet").city("Lyon").build();

            fixture.given(captured(legacy))
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
                    .when(new AssignLeadOwner(LEAD_ID, "rep-1", null))
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
            fixture.given(captured(details().email(EMAIL).build()))
                    .when(new AssignLeadOwner(LEAD_ID, "  rep-1 ", null))
                    .expectEvents(new LeadOwnerAssigned(LEAD_ID, "rep-1", null));
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
        @ValueSource(strings = {"rep 2", "rep#2", "rép"})
        void refusesAnInvalidOwnerId(String ownerId) {
            fixture.given(capturedWithOwner("rep-1"))
                    .when(new AssignLeadOwner(LEAD_ID, ownerId, null))
                    .expectNoEvents()
                    .expectException(invalidField("ownerId", "invalid-identifier"));
        }

        @Test
        void isAllowedWhateverTheStatus() {
            fixture.given(leadIn(LeadStatus.DISQUALIFIED))
                    .when(new AssignLeadOwner(LEAD_ID, "rep-9", null))
                    .expectEvents(new LeadOwnerAssigned(LEAD_ID, "rep-9", null));
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
            fixture.given(captured(details().email(EMAIL).build()),
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
            fixture.given(captured(details().email(EMAIL).build()),
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
            fixture.given(captured(details().email(EMAIL).build()),
                            new LeadQualified(LEAD_ID, LeadStatus.NEW),
                            new LeadReopened(LEAD_ID, LeadStatus.QUALIFIED))
                    .when(new ReopenLead(LEAD_ID, null))
                    .expectNoEvents()
                    .expectException(invalidTransition(LeadStatus.WORKING));
        }

        @Test
        void aReopenedLeadMayBeDisqualifiedFromWorking() {
            fixture.given(captured(details().email(EMAIL).build()),
                            new LeadQualified(LEAD_ID, LeadStatus.NEW),
                            new LeadReopened(LEAD_ID, LeadStatus.QUALIFIED))
                    .when(new DisqualifyLead(LEAD_ID, DisqualificationReason.NO_NEED, null, null))
                    .expectEvents(new LeadDisqualified(LEAD_ID, DisqualificationReason.NO_NEED, null,
                            LeadStatus.WORKING))
                    .expectResultMessagePayload(3L);
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
        Object captured = captured(details().email(EMAIL).build());
        return Stream.of(
                Arguments.of("UpdateLeadDetails", List.of(captured, new LeadOwnerAssigned(LEAD_ID, "rep-1", null)),
                        (LongFunction<Object>) v -> update(changes(LeadField.CITY, "Lyon"), v)),
                Arguments.of("AssignLeadOwner", List.of(captured, new LeadOwnerAssigned(LEAD_ID, "rep-1", null)),
                        (LongFunction<Object>) v -> new AssignLeadOwner(LEAD_ID, "rep-2", v)),
                Arguments.of("StartWorkingLead", List.of(captured, new LeadOwnerAssigned(LEAD_ID, "rep-1", null)),
                        (LongFunction<Object>) v -> new StartWorkingLead(LEAD_ID, v)),
                Arguments.of("QualifyLead", List.of(captured, new LeadWorkStarted(LEAD_ID)),
                        (LongFunction<Object>) v -> new QualifyLead(LEAD_ID, v)),
                Arguments.of("DisqualifyLead", List.of(captured, new LeadWorkStarted(LEAD_ID)),
                        (LongFunction<Object>) v -> new DisqualifyLead(LEAD_ID, DisqualificationReason.NO_NEED,
                                null, v)),
                Arguments.of("ReopenLead", List.of(captured, new LeadQualified(LEAD_ID, LeadStatus.NEW)),
                        (LongFunction<Object>) v -> new ReopenLead(LEAD_ID, v)));
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
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectExceptionMessage(containsString("Expected [0], but repository found [1]"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.lead.LeadTest#commandsAtVersionOne")
        void expectedVersionAheadOfTheLeadIsRefused(String name, List<Object> history,
                                                    LongFunction<Object> command) {
            fixture.given(history)
                    .when(command.apply(5L))
                    .expectNoEvents()
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectExceptionMessage(containsString("Expected [5], but repository found [1]"));
        }

        @Test
        void staleExpectedVersionIsRefusedEvenWhenTheCommandWouldChangeNothing() {
            fixture.given(capturedWithOwner("rep-1"), new LeadWorkStarted(LEAD_ID))
                    .when(new AssignLeadOwner(LEAD_ID, "rep-1", 0L))
                    .expectNoEvents()
                    .expectException(ConflictingAggregateVersionException.class);
        }

        @Test
        void staleExpectedVersionOnAnUpdateThatChangesNothingIsRefused() {
            fixture.given(captured(details().email(EMAIL).city("Paris").build()), new LeadWorkStarted(LEAD_ID))
                    .when(update(changes(LeadField.CITY, "Paris"), 0L))
                    .expectNoEvents()
                    .expectException(ConflictingAggregateVersionException.class);
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
    // Helpers
    // ---------------------------------------------------------------------------------------------------------

    private static CaptureLead capture(LeadDetails details) {
        return new CaptureLead(LEAD_ID, details, LeadSource.WEB_FORM, null, null, null);
    }

    private static LeadCaptured captured(LeadDetails details) {
        return new LeadCaptured(LEAD_ID, details, LeadSource.WEB_FORM, null, null, null);
    }

    private static LeadCaptured capturedWithOwner(String ownerId) {
        return new LeadCaptured(LEAD_ID, details().email(EMAIL).build(), LeadSource.REP_ENTRY, null, null, ownerId);
    }

    /** A history that leaves the lead in {@code status}; it has one event per step taken. */
    private static List<Object> leadIn(LeadStatus status) {
        LeadCaptured captured = captured(details().email(EMAIL).build());
        return switch (status) {
            case NEW -> List.of(captured);
            case WORKING -> List.of(captured, new LeadWorkStarted(LEAD_ID));
            case QUALIFIED -> List.of(captured, new LeadQualified(LEAD_ID, LeadStatus.NEW));
            case DISQUALIFIED -> List.of(captured,
                    new LeadDisqualified(LEAD_ID, DisqualificationReason.NO_NEED, null, LeadStatus.NEW));
        };
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
        } else if (command instanceof ReopenLead c) {
            return new ReopenLead(c.leadId(), null);
        }
        throw new IllegalArgumentException("Unknown command " + command);
    }

    private static LeadDetails fullDetails() {
        return details().firstName("Jeanne").lastName("Martin").email(EMAIL).phone(PHONE).company("Acme SARL")
                .jobTitle("Buyer").website("https://acme.example.fr").postalCode("69001").city("Lyon")
                .country("FR").notes("Met at the Lyon fair").build();
    }

    private static DetailsBuilder details() {
        return new DetailsBuilder();
    }

    /** Builds lead details field by field; unset fields stay null. */
    private static final class DetailsBuilder {
        private String firstName;
        private String lastName;
        private String email;
        private String phone;
        private String company;
        private String jobTitle;
        private String website;
        private String postalCode;
        private String city;
        private String country;
        private String notes;

        DetailsBuilder firstName(String value) {
            firstName = value;
            return this;
        }

        DetailsBuilder lastName(String value) {
            lastName = value;
            return this;
        }

        DetailsBuilder email(String value) {
            email = value;
            return this;
        }

        DetailsBuilder phone(String value) {
            phone = value;
            return this;
        }

        DetailsBuilder company(String value) {
            company = value;
            return this;
        }

        DetailsBuilder jobTitle(String value) {
            jobTitle = value;
            return this;
        }

        DetailsBuilder website(String value) {
            website = value;
            return this;
        }

        DetailsBuilder postalCode(String value) {
            postalCode = value;
            return this;
        }

        DetailsBuilder city(String value) {
            city = value;
            return this;
        }

        DetailsBuilder country(String value) {
            country = value;
            return this;
        }

        DetailsBuilder notes(String value) {
            notes = value;
            return this;
        }

        LeadDetails build() {
            return new LeadDetails(firstName, lastName, email, phone, company, jobTitle, website, postalCode, city,
                    country, notes);
        }
    }

    /** Matches an {@link InvalidFieldException} for {@code field} with the stable {@code code}. */
    private static Matcher<InvalidFieldException> invalidField(String field, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidFieldException e) {
                return field.equals(e.field()) && code.equals(e.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidFieldException with field ").appendValue(field)
                        .appendText(" and code ").appendValue(code);
            }

            @Override
            protected void describeMismatchSafely(InvalidFieldException e, Description description) {
                description.appendText("had field ").appendValue(e.field()).appendText(" and code ")
                        .appendValue(e.code());
            }
        };
    }

    /** Matches an {@link InvalidTransitionException} refused because the lead is in {@code status}. */
    private static Matcher<InvalidTransitionException> invalidTransition(LeadStatus status) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidTransitionException e) {
                return "invalid-transition".equals(e.code()) && status.name().equals(e.currentState());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidTransitionException from status ").appendValue(status.name());
            }

            @Override
            protected void describeMismatchSafely(InvalidTransitionException e, Description description) {
                description.appendText("had code ").appendValue(e.code()).appendText(" and status ")
                        .appendValue(e.currentState());
            }
        };
    }
}
