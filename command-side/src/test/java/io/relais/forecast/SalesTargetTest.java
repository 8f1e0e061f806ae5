package io.relais.forecast;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static io.relais.organisation.TestOrganisation.ADMIN;
import static io.relais.organisation.TestOrganisation.ANALYST;
import static io.relais.organisation.TestOrganisation.AUDITOR;
import static io.relais.organisation.TestOrganisation.PEER;
import static io.relais.organisation.TestOrganisation.DIRECTOR;
import static io.relais.organisation.TestOrganisation.FORMER_ADMIN;
import static io.relais.organisation.TestOrganisation.FORMER;
import static io.relais.organisation.TestOrganisation.MANAGER;
import static io.relais.organisation.TestOrganisation.OTHER_MANAGER;
import static io.relais.organisation.TestOrganisation.OTHER_REP;
import static io.relais.forecast.ForecastFixtures.Q3;
import static io.relais.organisation.TestOrganisation.REP;
import static io.relais.forecast.ForecastFixtures.REPORTING;
import static io.relais.organisation.TestOrganisation.STEWARD;
import static io.relais.forecast.ForecastFixtures.SYSTEM;
import static io.relais.organisation.TestOrganisation.UNKNOWN;
import static io.relais.common.CommandFixtures.as;
import static io.relais.forecast.ForecastFixtures.forbidden;
import static io.relais.forecast.ForecastFixtures.invalidField;
import static io.relais.forecast.ForecastFixtures.repTarget;
import static io.relais.forecast.ForecastFixtures.salesTargetFixture;
import static io.relais.forecast.ForecastFixtures.setRepTarget;

/**
 * Fixture tests of a user's sales target for a period, over the organisation of {@link ForecastFixtures} (who is
 * who is charted there). Unless a test names the actor, commands are sent by ADMIN; the reporting currency is EUR.
 */
class SalesTargetTest {

    private FixtureConfiguration<SalesTarget> fixture;

    @BeforeEach
    void setUp() {
        fixture = salesTargetFixture();
    }

    private static SalesTargetSet firstTarget(String userId, String amount) {
        return new SalesTargetSet(SetSalesTarget.targetId(userId, Q3), userId, Q3, new BigDecimal(amount), REPORTING,
                null);
    }

    @Nested
    class FirstTarget {

        @Test
        void recordsTheTargetInTheReportingCurrency() {
            fixture.givenNoPriorActivity()
                    .when(setRepTarget("50000"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(repTarget("50000", null));
        }

        @Test
        void answersWithTheVersionOfTheTargetStream() {
            fixture.givenNoPriorActivity()
                    .when(setRepTarget("50000"))
                    .expectResultMessagePayload(0L);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-q3", " 2026-Q3 ", "2026-Q3"})
        void normalisesThePeriod(String period) {
            fixture.givenNoPriorActivity()
                    .when(SetSalesTarget.of(REP, period, new BigDecimal("50000")))
                    .expectEvents(repTarget("50000", null));
        }

        @Test
        void keepsAYearOrAMonthAsTheirLabel() {
            fixture.givenNoPriorActivity()
                    .when(SetSalesTarget.of(REP, "2026-07", new BigDecimal("1000")))
                    .expectEvents(new SalesTargetSet(SetSalesTarget.targetId(REP, "2026-07"), REP, "2026-07",
                            new BigDecimal("1000"), REPORTING, null));
        }

        @Test
        void dropsTrailingZerosFromTheAmount() {
            fixture.givenNoPriorActivity()
                    .when(setRepTarget("50000.00"))
                    .expectEvents(repTarget("50000", null));
        }

        @Test
        void acceptsATargetOfZero() {
            fixture.givenNoPriorActivity()
                    .when(setRepTarget("0"))
                    .expectEvents(repTarget("0", null));
        }
    }

    @Nested
    class LaterTargets {

        @Test
        void changesTheTargetCarryingThePreviousAmount() {
            fixture.given(repTarget("50000", null))
                    .when(setRepTarget("60000"))
                    .expectEvents(repTarget("60000", "50000"));
        }

        @Test
        void carriesTheLatestAmountAsThePreviousOne() {
            fixture.given(repTarget("50000", null), repTarget("60000", "50000"))
                    .when(setRepTarget("55000.5"))
                    .expectEvents(repTarget("55000.5", "60000"))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void recordsNothingWhenTheTargetIsAlreadyThatAmount() {
            fixture.given(repTarget("50000", null))
                    .when(setRepTarget("50000"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void recordsNothingForTheSameAmountWrittenWithDecimals() {
            fixture.given(repTarget("50000", null), repTarget("60000", "50000"))
                    .when(setRepTarget("60000.00"))
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void changesTheTargetOfAUserIdGivenWithSpacesInTheUsersStream() {
            fixture.given(repTarget("50000", null))
                    .when(SetSalesTarget.of(" " + REP + " ", Q3, new BigDecimal("60000")))
                    .expectEvents(repTarget("60000", "50000"));
        }

        @Test
        void lowersTheTargetToZero() {
            fixture.given(repTarget("50000", null))
                    .when(setRepTarget("0"))
                    .expectEvents(repTarget("0", "50000"));
        }
    }

    @Nested
    class WhoMaySetTargets {

        @ParameterizedTest(name = "{0} for {1}")
        @CsvSource({
                ADMIN + "," + REP,
                ADMIN + "," + DIRECTOR,
                SYSTEM + "," + REP,
                MANAGER + "," + REP,
                MANAGER + "," + PEER,
                DIRECTOR + "," + MANAGER,
                DIRECTOR + "," + REP,
                OTHER_MANAGER + "," + OTHER_REP})
        void letsAdministratorsAndTheManagersAboveTheUserSetIt(String actor, String userId) {
            fixture.givenNoPriorActivity()
                    .when(SetSalesTarget.of(userId, Q3, new BigDecimal("50000")), as(actor))
                    .expectEvents(firstTarget(userId, "50000"));
        }

        @ParameterizedTest(name = "{0} for {1}")
        @CsvSource({
                REP + "," + REP,
                MANAGER + "," + MANAGER,
                DIRECTOR + "," + DIRECTOR,
                PEER + "," + REP,
                MANAGER + "," + DIRECTOR,
                REP + "," + MANAGER,
                OTHER_MANAGER + "," + REP,
                MANAGER + "," + OTHER_REP,
                OTHER_MANAGER + "," + MANAGER})
        void refusesTheUserThemselvesAColleagueOrAManagerNotAboveThem(String actor, String userId) {
            fixture.givenNoPriorActivity()
                    .when(SetSalesTarget.of(userId, Q3, new BigDecimal("50000")), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest
        @ValueSource(strings = {AUDITOR, ANALYST, STEWARD, FORMER_ADMIN, UNKNOWN})
        void refusesReadOnlyProfilesAndThoseWhoAreNotActiveUsers(String actor) {
            fixture.givenNoPriorActivity()
                    .when(setRepTarget("50000"), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void refusesAManagerChangingATargetTheyMayNotSet() {
            fixture.given(repTarget("50000", null))
                    .when(setRepTarget("1"), as(OTHER_MANAGER))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void letsAnotherManagerAboveTheUserChangeIt() {
            fixture.given(repTarget("50000", null))
                    .when(setRepTarget("70000"), as(DIRECTOR))
                    .expectEvents(repTarget("70000", "50000"));
        }
    }

    @Nested
    class TargetUser {

        @ParameterizedTest
        @ValueSource(strings = {UNKNOWN, FORMER, AUDITOR, ANALYST, STEWARD})
        void refusesAUserWhoIsNotAnActiveSalesUser(String userId) {
            fixture.givenNoPriorActivity()
                    .when(SetSalesTarget.of(userId, Q3, new BigDecimal("50000")))
                    .expectNoEvents()
                    .expectException(invalidField("userId", "unknown-user"));
        }

        @Test
        void refusesAManagerAsForbiddenWhetherOrNotTheUserExistsOutsideTheirReach() {
            fixture.givenNoPriorActivity()
                    .when(SetSalesTarget.of(UNKNOWN, Q3, new BigDecimal("50000")), as(MANAGER))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void refusesADeactivatedUserEvenToTheirManager() {
            fixture.givenNoPriorActivity()
                    .when(SetSalesTarget.of(FORMER, Q3, new BigDecimal("50000")), as(MANAGER))
                    .expectNoEvents()
                    .expectException(invalidField("userId", "unknown-user"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void refusesAMissingUser(String userId) {
            fixture.givenNoPriorActivity()
                    .when(SetSalesTarget.of(userId, Q3, new BigDecimal("50000")))
                    .expectNoEvents()
                    .expectException(invalidField("userId", "required"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Rep", "r", "rep:1", "rep 1"})
        void refusesAnInvalidUserId(String userId) {
            fixture.givenNoPriorActivity()
                    .when(SetSalesTarget.of(userId, Q3, new BigDecimal("50000")))
                    .expectNoEvents()
                    .expectException(invalidField("userId", "invalid-user-id"));
        }
    }

    @Nested
    class Refusals {

        @ParameterizedTest
        @ValueSource(strings = {"2026-Q5", "2026-Q0", "2026-13", "2026-7", "26", "Q3-2026", "2026-H1", "next year"})
        void refusesAnInvalidPeriod(String period) {
            fixture.givenNoPriorActivity()
                    .when(SetSalesTarget.of(REP, period, new BigDecimal("50000")))
                    .expectNoEvents()
                    .expectException(invalidField("period", "invalid-period"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0000", "1899", "1899-Q4", "1899-12", "3000", "3000-Q1", "9999-01"})
        void refusesAPeriodOutsideTheYears1900To2999(String period) {
            fixture.givenNoPriorActivity()
                    .when(SetSalesTarget.of(REP, period, new BigDecimal("50000")))
                    .expectNoEvents()
                    .expectException(invalidField("period", "out-of-range"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void refusesAMissingPeriod(String period) {
            fixture.givenNoPriorActivity()
                    .when(SetSalesTarget.of(REP, period, new BigDecimal("50000")))
                    .expectNoEvents()
                    .expectException(invalidField("period", "required"));
        }

        @Test
        void refusesAMissingAmount() {
            fixture.givenNoPriorActivity()
                    .when(setRepTarget(null))
                    .expectNoEvents()
                    .expectException(invalidField("amount", "required"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "-0.01", "1000.001", "1000000000000000"})
        void refusesANegativeAmountOrOneWithTooManyDigits(String amount) {
            fixture.givenNoPriorActivity()
                    .when(setRepTarget(amount))
                    .expectNoEvents()
                    .expectException(invalidField("amount", "invalid-amount"));
        }

        @Test
        void refusesAnInvalidChangeOfATargetAlreadySet() {
            fixture.given(repTarget("50000", null))
                    .when(setRepTarget("-50000"))
                    .expectNoEvents()
                    .expectException(invalidField("amount", "invalid-amount"));
        }
    }
}
