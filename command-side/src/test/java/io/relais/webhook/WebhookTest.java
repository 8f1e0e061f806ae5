package io.relais.webhook;

import io.relais.common.FieldChange;
import io.relais.organisation.OrganisationIds;
import io.relais.organisation.TestOrganisation;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.List;

import static io.relais.common.CommandFixtures.as;
import static io.relais.common.CommandFixtures.fixture;
import static io.relais.common.RefusalMatchers.forbidden;
import static io.relais.common.RefusalMatchers.invalidField;
import static io.relais.common.RefusalMatchers.invalidTransition;
import static io.relais.common.RefusalMatchers.staleVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static io.relais.organisation.TestOrganisation.ADMIN;
import static io.relais.organisation.TestOrganisation.ANALYST;
import static io.relais.organisation.TestOrganisation.AUDITOR;
import static io.relais.organisation.TestOrganisation.FORMER_ADMIN;
import static io.relais.organisation.TestOrganisation.MANAGER;
import static io.relais.organisation.TestOrganisation.REP;
import static io.relais.organisation.TestOrganisation.STEWARD;
import static io.relais.organisation.TestOrganisation.UNKNOWN;

/**
 * Fixture tests of a webhook subscription: who may manage subscriptions, what its settings must say, its secret
 * named by id only, suspension (by the system after failures) and resumption, and retirement.
 */
class WebhookTest {

    private static final String ID = "5d0b9a4e-1c2f-4a3b-9e8d-7f6a5b4c3d2e";
    private static final String SECRET = "secret-1";
    private static final WebhookSettings ERP = new WebhookSettings("https://erp.example.fr/relais",
            List.of("OpportunityWon", "AccountPromotedToCustomer"), List.of(), "ERP: new customers");
    private static final WebhookRegistered REGISTERED = new WebhookRegistered(ID, ERP, SECRET);

    private FixtureConfiguration<Webhook> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(Webhook.class, TestOrganisation.salesTeam(), ADMIN);
    }

    private static WebhookSettings with(String url, List<String> eventTypes, List<String> recordTypes) {
        return new WebhookSettings(url, eventTypes, recordTypes, null);
    }

    @Test
    void anAdministratorSubscribesAnAddress() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhook(ID, ERP, SECRET))
                .expectEvents(REGISTERED);
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhook(ID, with("http://localhost:8081/hook", null, List.of("LEAD", "LEAD")),
                        SECRET))
                .expectEvents(new WebhookRegistered(ID, with("http://localhost:8081/hook", List.of(),
                        List.of("LEAD")), SECRET));
    }

    @ParameterizedTest
    @ValueSource(strings = {REP, MANAGER, STEWARD, AUDITOR, ANALYST, FORMER_ADMIN, UNKNOWN})
    void onlyActiveAdministratorsManageSubscriptions(String user) {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhook(ID, ERP, SECRET), as(user))
                .expectException(forbidden());
        fixture.given(REGISTERED)
                .when(new SuspendWebhook(ID, "paused"), as(user))
                .expectException(forbidden());
        fixture.given(REGISTERED)
                .when(new RetireWebhook(ID), as(user))
                .expectException(forbidden());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "erp.example.fr/relais                | url | invalid-url",
            "ftp://erp.example.fr                 | url | invalid-url",
            "https://user:pass@erp.example.fr/x   | url | invalid-url",
            "https://erp.example.fr/x#part        | url | invalid-url",
            "' '                                  | url | required"})
    void theAddressIsAnHttpAddressWithoutCredentials(String url, String field, String code) {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhook(ID, with(url, ERP.eventTypes(), List.of()), SECRET))
                .expectException(invalidField(field, code));
    }

    @Test
    void aSubscriptionNamesTheEventsItTakes() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhook(ID, with(ERP.url(), List.of(), null), SECRET))
                .expectException(invalidField("eventTypes", "required"));
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhook(ID, with(ERP.url(), List.of("Lead Captured"), List.of()), SECRET))
                .expectException(invalidField("eventTypes[0]", "invalid-name"));
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhook(ID, with(ERP.url(), Collections.nCopies(101, "LeadCaptured"), List.of()),
                        SECRET))
                .expectException(invalidField("eventTypes", "too-many"));
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhook(ID, null, SECRET))
                .expectException(invalidField("settings", "required"));
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhook(ID, ERP, null))
                .expectException(invalidField("secretId", "invalid-identifier"));
    }

    @Test
    void aChangeRecordsWhatChangedAndARotationOnlyTheNewSecretsId() {
        WebhookSettings changed = new WebhookSettings("https://erp.example.fr/relais/v2", ERP.eventTypes(),
                List.of("ACCOUNT"), ERP.description());
        fixture.given(REGISTERED)
                .when(new ChangeWebhook(ID, changed, "secret-2", 0L))
                .expectEvents(new WebhookChanged(ID, changed, List.of(
                                new FieldChange("url", ERP.url(), changed.url()),
                                new FieldChange("recordTypes", null, "ACCOUNT"))),
                        new WebhookSecretRotated(ID, "secret-2"));
        fixture.given(REGISTERED)
                .when(new ChangeWebhook(ID, ERP, null, null))
                .expectNoEvents();
        fixture.given(REGISTERED, new WebhookSecretRotated(ID, "secret-2"))
                .when(new ChangeWebhook(ID, ERP, null, 0L))
                .expectException(staleVersion(0, 1));
    }

    @Test
    void theSystemSuspendsASubscriptionThatKeepsFailingAndAnAdministratorResumesIt() {
        fixture.given(REGISTERED)
                .when(new SuspendWebhook(ID, "Deliveries failed for 24 hours"), as(OrganisationIds.WEBHOOKS))
                .expectEvents(new WebhookSuspended(ID, "Deliveries failed for 24 hours"));
        fixture.given(REGISTERED, new WebhookSuspended(ID, "failing"))
                .when(new SuspendWebhook(ID, "again"), as(OrganisationIds.WEBHOOKS))
                .expectNoEvents();
        fixture.given(REGISTERED, new WebhookSuspended(ID, "failing"))
                .when(new ResumeWebhook(ID))
                .expectEvents(new WebhookResumed(ID));
        fixture.given(REGISTERED)
                .when(new ResumeWebhook(ID))
                .expectNoEvents();
        fixture.given(REGISTERED)
                .when(new SuspendWebhook(ID, " "))
                .expectException(invalidField("reason", "required"));
    }

    @Test
    void aRetiredSubscriptionStaysRetired() {
        fixture.given(REGISTERED)
                .when(new RetireWebhook(ID))
                .expectEvents(new WebhookRetired(ID));
        fixture.given(REGISTERED, new WebhookRetired(ID))
                .when(new RetireWebhook(ID))
                .expectNoEvents();
        fixture.given(REGISTERED, new WebhookRetired(ID))
                .when(new ChangeWebhook(ID, ERP, null, null))
                .expectException(invalidTransition("RETIRED"));
        fixture.given(REGISTERED, new WebhookRetired(ID))
                .when(new ResumeWebhook(ID))
                .expectException(invalidTransition("RETIRED"));
    }

    @Test
    void aSubscriptionTakesTheEventsItNames() {
        WebhookSettings leads = with(ERP.url(), List.of(), List.of("LEAD"));
        WebhookSettings wonDeals = with(ERP.url(), List.of("OpportunityWon"), List.of("OPPORTUNITY"));
        assertThat(leads.takes("LeadCaptured", "LEAD")).isTrue();
        assertThat(leads.takes("AccountCreated", "ACCOUNT")).isFalse();
        assertThat(wonDeals.takes("OpportunityWon", "OPPORTUNITY")).isTrue();
        assertThat(wonDeals.takes("OpportunityLost", "OPPORTUNITY")).isFalse();
        assertThat(ERP.takes("OpportunityWon", "OPPORTUNITY")).isTrue();
    }
}
