package io.relais.account;

import io.relais.common.AuditMetadata;
import io.relais.common.InvalidFieldException;
import io.relais.common.NotPermittedException;
import io.relais.common.RecordNotFoundException;
import io.relais.organisation.InMemoryOrganisationDirectory;
import io.relais.organisation.Profile;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** The account's side of a conversion: the contact made from the lead, and the lead attached to the account. */
class ConvertedLeadAttachmentTest {

    private static final String ACCOUNT = "account-1";
    private static final String CONTACT = "contact-1";
    private static final String LEAD = "lead-1";
    private static final String OWNER = "rep";
    private static final AccountDetails NAMED = new AccountDetails("Étoile SARL", null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null);
    private static final ContactDetails PERSON = new ContactDetails("Léa", "Fontaine", null, List.of(), List.of(),
            null, null, null);

    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        InMemoryOrganisationDirectory directory = new InMemoryOrganisationDirectory()
                .add("auditor", Profile.AUDITOR, null)
                .add(OWNER, Profile.SALES_REP, null)
                .add("peer", Profile.SALES_REP, null);
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(directory.authorization());
        fixture.registerCommandDispatchInterceptor(messages -> (index, message) ->
                message.getMetaData().containsKey(AuditMetadata.USER_ID) ? message
                        : message.andMetaData(Map.of(AuditMetadata.USER_ID, OWNER)));
    }

    @Test
    void aContactMadeFromALeadNamesTheLead() {
        fixture.given(new AccountCreated(ACCOUNT, NAMED, OWNER))
                .when(new AddContact(ACCOUNT, CONTACT, PERSON, LEAD))
                .expectEvents(new ContactAdded(ACCOUNT, CONTACT, PERSON, LEAD));
    }

    @Test
    void theConvertedLeadIsAttachedToTheAccount() {
        fixture.given(new AccountCreated(ACCOUNT, NAMED, OWNER), new ContactAdded(ACCOUNT, CONTACT, PERSON, LEAD))
                .when(new AttachConvertedLead(ACCOUNT, LEAD, CONTACT))
                .expectEvents(new LeadConvertedIntoAccount(ACCOUNT, LEAD, CONTACT))
                .expectResultMessagePayload(2L);
    }

    @Test
    void attachingTheSameLeadAgainChangesNothing() {
        fixture.given(new AccountCreated(ACCOUNT, NAMED, OWNER), new ContactAdded(ACCOUNT, CONTACT, PERSON, LEAD),
                        new LeadConvertedIntoAccount(ACCOUNT, LEAD, CONTACT))
                .when(new AttachConvertedLead(ACCOUNT, LEAD, CONTACT))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void anUnknownContactIsRefused() {
        fixture.given(new AccountCreated(ACCOUNT, NAMED, OWNER))
                .when(new AttachConvertedLead(ACCOUNT, LEAD, "no-such-contact"))
                .expectNoEvents()
                .expectException(RecordNotFoundException.class);
    }

    @Test
    void aBadLeadIdIsRefused() {
        fixture.given(new AccountCreated(ACCOUNT, NAMED, OWNER), new ContactAdded(ACCOUNT, CONTACT, PERSON, LEAD))
                .when(new AttachConvertedLead(ACCOUNT, "not a lead id!", CONTACT))
                .expectNoEvents()
                .expectException(InvalidFieldException.class);
    }

    @Test
    void someoneWhoMayNotSeeTheAccountGetsNotFound() {
        fixture.given(new AccountCreated(ACCOUNT, NAMED, OWNER), new ContactAdded(ACCOUNT, CONTACT, PERSON, LEAD))
                .when(new AttachConvertedLead(ACCOUNT, LEAD, CONTACT), Map.of(AuditMetadata.USER_ID, "peer"))
                .expectNoEvents()
                .expectException(RecordNotFoundException.class);
    }

    @Test
    void anAuditorMayNotAttach() {
        fixture.given(new AccountCreated(ACCOUNT, NAMED, OWNER), new ContactAdded(ACCOUNT, CONTACT, PERSON, LEAD))
                .when(new AttachConvertedLead(ACCOUNT, LEAD, CONTACT), Map.of(AuditMetadata.USER_ID, "auditor"))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }
}
