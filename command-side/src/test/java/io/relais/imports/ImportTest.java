package io.relais.imports;

import io.relais.organisation.OrganisationIds;
import io.relais.organisation.TestOrganisation;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.relais.common.CommandFixtures.as;
import static io.relais.common.CommandFixtures.fixture;
import static io.relais.common.RefusalMatchers.forbidden;
import static io.relais.common.RefusalMatchers.invalidField;
import static io.relais.organisation.TestOrganisation.ADMIN;
import static io.relais.organisation.TestOrganisation.ANALYST;
import static io.relais.organisation.TestOrganisation.AUDITOR;
import static io.relais.organisation.TestOrganisation.DIRECTOR;
import static io.relais.organisation.TestOrganisation.FORMER_ADMIN;
import static io.relais.organisation.TestOrganisation.MANAGER;
import static io.relais.organisation.TestOrganisation.OTHER_REP;
import static io.relais.organisation.TestOrganisation.REP;
import static io.relais.organisation.TestOrganisation.STEWARD;

/** Fixture tests of an import's record: who may import, whose the records become, and how it ends. */
class ImportTest {

    private static final String IMPORT_ID = "6f1e0c52-8d3a-4b27-9c41-2e5f7a8b9c0d";
    private static final String SHA = "a".repeat(64);

    private FixtureConfiguration<Import> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(Import.class, TestOrganisation.salesTeam(), ADMIN);
    }

    private static StartImport start(String ownerId) {
        return new StartImport(IMPORT_ID, ImportKind.LEADS, "salon.csv", SHA, 120, "Salon Lyon 2026", ownerId);
    }

    private static ImportStarted started(String userId, String ownerId) {
        return new ImportStarted(IMPORT_ID, userId, ImportKind.LEADS, "salon.csv", SHA, 120, "Salon Lyon 2026",
                ownerId);
    }

    @ParameterizedTest
    @ValueSource(strings = {ADMIN, STEWARD})
    void administratorsAndDataStewardsImportForTheTerritoryRules(String user) {
        fixture.givenNoPriorActivity()
                .when(start(null), as(user))
                .expectEvents(started(user, null));
    }

    @Test
    void aDataStewardMayGiveTheRecordsToAnySalesUser() {
        fixture.givenNoPriorActivity()
                .when(start(OTHER_REP), as(STEWARD))
                .expectEvents(started(STEWARD, OTHER_REP));
    }

    @Test
    void aManagersImportIsTheirsUnlessTheyNameSomeoneBelowThem() {
        fixture.givenNoPriorActivity()
                .when(start(null), as(MANAGER))
                .expectEvents(started(MANAGER, MANAGER));
        fixture.givenNoPriorActivity()
                .when(start(REP), as(DIRECTOR))
                .expectEvents(started(DIRECTOR, REP));
    }

    @Test
    void aManagerCannotImportIntoAnotherTeam() {
        fixture.givenNoPriorActivity()
                .when(start(OTHER_REP), as(MANAGER))
                .expectException(forbidden())
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {REP, ANALYST, AUDITOR, FORMER_ADMIN})
    void nobodyElseImports(String user) {
        fixture.givenNoPriorActivity()
                .when(start(null), as(user))
                .expectException(forbidden())
                .expectNoEvents();
    }

    @Test
    void theRecordsCannotGoToSomeoneWhoCannotOwnThem() {
        fixture.givenNoPriorActivity()
                .when(start(AUDITOR), as(ADMIN))
                .expectException(invalidField("ownerId", "owner-cannot-own-records"))
                .expectNoEvents();
    }

    @Test
    void theFileIsNamedAndItsDigestIsOne() {
        fixture.givenNoPriorActivity()
                .when(new StartImport(IMPORT_ID, ImportKind.LEADS, " ", SHA, 1, null, null))
                .expectException(invalidField("fileName", "required"));
        fixture.givenNoPriorActivity()
                .when(new StartImport(IMPORT_ID, ImportKind.LEADS, "a.csv", "not-a-digest", 1, null, null))
                .expectException(invalidField("fileSha256", "invalid-digest"));
    }

    @Test
    void theSystemRecordsHowItEndedOnce() {
        ImportCounts counts = new ImportCounts(120, 100, 15, 5);
        fixture.given(started(ADMIN, null))
                .when(new FinishImport(IMPORT_ID, counts, null), as(OrganisationIds.IMPORT))
                .expectEvents(new ImportFinished(IMPORT_ID, counts, null));
        fixture.given(started(ADMIN, null), new ImportFinished(IMPORT_ID, counts, null))
                .when(new FinishImport(IMPORT_ID, counts, null), as(OrganisationIds.IMPORT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyTheSystemRecordsHowItEnded() {
        fixture.given(started(ADMIN, null))
                .when(new FinishImport(IMPORT_ID, new ImportCounts(1, 1, 0, 0), null), as(ADMIN))
                .expectException(forbidden())
                .expectNoEvents();
    }
}
