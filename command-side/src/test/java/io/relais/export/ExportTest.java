package io.relais.export;

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
import static io.relais.organisation.TestOrganisation.ANALYST;
import static io.relais.organisation.TestOrganisation.AUDITOR;
import static io.relais.organisation.TestOrganisation.FORMER;
import static io.relais.organisation.TestOrganisation.REP;
import static io.relais.organisation.TestOrganisation.STEWARD;
import static io.relais.organisation.TestOrganisation.UNKNOWN;

/** Fixture tests of an export's record: who exported which list, in which format, with which filters. */
class ExportTest {

    private static final String EXPORT_ID = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";

    private FixtureConfiguration<Export> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(Export.class, TestOrganisation.salesTeam(), REP);
    }

    @ParameterizedTest
    @ValueSource(strings = {REP, ANALYST, AUDITOR, STEWARD})
    void anyActiveUserExportsAndTheExportSaysWhoWhichListAndWhichFilters(String user) {
        fixture.givenNoPriorActivity()
                .when(new RecordListExport(EXPORT_ID, "leads", "CSV", "status=NEW&q=dupont"), as(user))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ListExported(EXPORT_ID, user, "leads", "CSV", "status=NEW&q=dupont"));
    }

    @Test
    void theWholeListIsExportedWithoutFilters() {
        fixture.givenNoPriorActivity()
                .when(new RecordListExport(EXPORT_ID, "accounts", "NDJSON", null))
                .expectEvents(new ListExported(EXPORT_ID, REP, "accounts", "NDJSON", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {FORMER, UNKNOWN})
    void aUserWhoIsNotActiveIsRefused(String user) {
        fixture.givenNoPriorActivity()
                .when(new RecordListExport(EXPORT_ID, "leads", "CSV", null), as(user))
                .expectException(forbidden())
                .expectNoEvents();
    }

    @Test
    void theListIsRequired() {
        fixture.givenNoPriorActivity()
                .when(new RecordListExport(EXPORT_ID, " ", "CSV", null))
                .expectException(invalidField("list", "required"))
                .expectNoEvents();
    }

    @Test
    void filtersLongerThanAQueryStringCanBeAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordListExport(EXPORT_ID, "leads", "CSV", "q=" + "x".repeat(4000)))
                .expectException(invalidField("filters", "too-long"))
                .expectNoEvents();
    }
}
