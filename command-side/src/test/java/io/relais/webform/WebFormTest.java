package io.relais.webform;

import io.relais.common.FieldChange;
import io.relais.organisation.TestOrganisation;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.relais.common.CommandFixtures.as;
import static io.relais.common.CommandFixtures.fixture;
import static io.relais.common.RefusalMatchers.forbidden;
import static io.relais.common.RefusalMatchers.invalidField;
import static io.relais.common.RefusalMatchers.invalidTransition;
import static io.relais.common.RefusalMatchers.staleVersion;
import static io.relais.organisation.TestOrganisation.ADMIN;
import static io.relais.organisation.TestOrganisation.ANALYST;
import static io.relais.organisation.TestOrganisation.AUDITOR;
import static io.relais.organisation.TestOrganisation.FORMER;
import static io.relais.organisation.TestOrganisation.FORMER_ADMIN;
import static io.relais.organisation.TestOrganisation.MANAGER;
import static io.relais.organisation.TestOrganisation.REP;
import static io.relais.organisation.TestOrganisation.STEWARD;
import static io.relais.organisation.TestOrganisation.UNKNOWN;

/** Fixture tests of a web form's record: who may manage forms, what a form's settings must say, and retirement. */
class WebFormTest {

    private static final String FORM_ID = "0b6f7c1e-3d2a-4e59-8f60-7a1b2c3d4e5f";
    private static final String KEY = "wf_4kQ9xZ2mB7nR5tY8vW3c";
    private static final WebFormSettings CONTACT = new WebFormSettings("Contact page",
            List.of("https://www.example.fr", "https://example.fr"), "Site web, page contact", REP,
            "J'accepte de recevoir des offres de Relais.", "2026-11", "https://www.example.fr/merci");

    private FixtureConfiguration<WebForm> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(WebForm.class, TestOrganisation.salesTeam(), ADMIN);
    }

    private static WebFormSettings with(String origins, String owner, String redirect) {
        return new WebFormSettings(CONTACT.name(), List.of(origins.split(" ")), null, owner, CONTACT.consentText(),
                CONTACT.consentTextVersion(), redirect);
    }

    @Test
    void anAdministratorRegistersAForm() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebForm(FORM_ID, KEY, CONTACT))
                .expectEvents(new WebFormRegistered(FORM_ID, KEY, CONTACT));
    }

    @Test
    void originsAreWrittenAsBrowsersSendThem() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebForm(FORM_ID, KEY, with("HTTPS://WWW.Example.fr:443 http://localhost:8081 "
                        + "https://www.example.fr", null, "https://www.example.fr/merci?form=1")))
                .expectEvents(new WebFormRegistered(FORM_ID, KEY, with("https://www.example.fr http://localhost:8081",
                        null, "https://www.example.fr/merci?form=1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {REP, MANAGER, STEWARD, AUDITOR, ANALYST, FORMER_ADMIN, UNKNOWN})
    void onlyActiveAdministratorsManageForms(String user) {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebForm(FORM_ID, KEY, CONTACT), as(user))
                .expectException(forbidden());
        fixture.given(new WebFormRegistered(FORM_ID, KEY, CONTACT))
                .when(new RetireWebForm(FORM_ID), as(user))
                .expectException(forbidden());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://www.example.fr/contact | invalid-origin | allowedOrigins[0]",
            "www.example.fr                 | invalid-origin | allowedOrigins[0]",
            "ftp://example.fr               | invalid-origin | allowedOrigins[0]",
            "https://example.fr?x=1         | invalid-origin | allowedOrigins[0]"})
    void anOriginIsSchemeHostAndPortOnly(String origin, String code, String field) {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebForm(FORM_ID, KEY, with(origin, null, CONTACT.redirectUrl())))
                .expectException(invalidField(field, code));
    }

    @Test
    void aFormNeedsItsOriginsConsentAndRedirect() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebForm(FORM_ID, KEY, new WebFormSettings("Contact", List.of(), null, null,
                        "J'accepte", "1", "https://example.fr/merci")))
                .expectException(invalidField("allowedOrigins", "required"));
        fixture.givenNoPriorActivity()
                .when(new RegisterWebForm(FORM_ID, KEY, new WebFormSettings("Contact", CONTACT.allowedOrigins(), null,
                        null, "J'accepte", " ", "https://example.fr/merci")))
                .expectException(invalidField("consentTextVersion", "required"));
        fixture.givenNoPriorActivity()
                .when(new RegisterWebForm(FORM_ID, KEY, with("https://example.fr", null, "/merci")))
                .expectException(invalidField("redirectUrl", "invalid-url"));
        fixture.givenNoPriorActivity()
                .when(new RegisterWebForm(FORM_ID, KEY, with("https://example.fr", null, "javascript:alert(1)")))
                .expectException(invalidField("redirectUrl", "invalid-url"));
        fixture.givenNoPriorActivity()
                .when(new RegisterWebForm(FORM_ID, KEY, null))
                .expectException(invalidField("settings", "required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "has spaces in it, twenty+", "é-accented-key-of-twenty-chars"})
    void aKeyIsLongAndUrlSafe(String key) {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebForm(FORM_ID, key, CONTACT))
                .expectException(invalidField("key", "invalid-key"));
    }

    @Test
    void theLeadsGoToSomeoneWhoMayOwnRecords() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebForm(FORM_ID, KEY, with("https://example.fr", AUDITOR, CONTACT.redirectUrl())))
                .expectException(invalidField("ownerId", "owner-cannot-own-records"));
        fixture.givenNoPriorActivity()
                .when(new RegisterWebForm(FORM_ID, KEY, with("https://example.fr", FORMER, CONTACT.redirectUrl())))
                .expectException(invalidField("ownerId", "unknown-owner"));
    }

    @Test
    void aChangeRecordsWhatChanged() {
        WebFormSettings changed = new WebFormSettings(CONTACT.name(), CONTACT.allowedOrigins(),
                CONTACT.sourceDetail(), MANAGER, "J'accepte de recevoir les offres de Relais et de ses partenaires.",
                "2026-12", CONTACT.redirectUrl());
        fixture.given(new WebFormRegistered(FORM_ID, KEY, CONTACT))
                .when(new ChangeWebForm(FORM_ID, changed, 0L))
                .expectEvents(new WebFormChanged(FORM_ID, changed, List.of(
                        new FieldChange("ownerId", REP, MANAGER),
                        new FieldChange("consentText", CONTACT.consentText(), changed.consentText()),
                        new FieldChange("consentTextVersion", "2026-11", "2026-12"))));
        fixture.given(new WebFormRegistered(FORM_ID, KEY, CONTACT))
                .when(new ChangeWebForm(FORM_ID, CONTACT, null))
                .expectNoEvents();
        fixture.given(new WebFormRegistered(FORM_ID, KEY, CONTACT), new WebFormChanged(FORM_ID, changed, List.of()))
                .when(new ChangeWebForm(FORM_ID, CONTACT, 0L))
                .expectException(staleVersion(0, 1));
    }

    @Test
    void aRetiredFormStaysRetired() {
        fixture.given(new WebFormRegistered(FORM_ID, KEY, CONTACT))
                .when(new RetireWebForm(FORM_ID))
                .expectEvents(new WebFormRetired(FORM_ID));
        fixture.given(new WebFormRegistered(FORM_ID, KEY, CONTACT), new WebFormRetired(FORM_ID))
                .when(new RetireWebForm(FORM_ID))
                .expectNoEvents();
        fixture.given(new WebFormRegistered(FORM_ID, KEY, CONTACT), new WebFormRetired(FORM_ID))
                .when(new ChangeWebForm(FORM_ID, CONTACT, null))
                .expectException(invalidTransition("RETIRED"));
    }
}
