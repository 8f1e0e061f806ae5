package io.relais.account;

import io.relais.common.InvalidFieldException;
import io.relais.common.NotPermittedException;
import io.relais.common.RecordNotFoundException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.relais.organisation.TestOrganisation.AUDITOR;
import static io.relais.account.AccountFixtures.OWNER;
import static io.relais.organisation.TestOrganisation.PEER;
import static io.relais.account.AccountFixtures.accountFixture;
import static io.relais.common.CommandFixtures.as;

/**
 * The account's side of a conversion: the contact made from the lead, and the lead attached to the account. Over
 * the organisation of {@link AccountFixtures}: OWNER owns the account; PEER, a sales rep beside them, may not see
 * it; AUDITOR may see it but not change it.
 */
class ConvertedLeadAttachmentTest {

    private static final String ACCOUNT = "account-1";
    private static final String CONTACT = "contact-1";
    private static final String LEAD = "lead-1";
    private static final AccountDetails NAMED = new AccountDetails("Étoile SARL", null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null);
    private static final ContactDetails PERSON = new ContactDetails("Léa", "Fontaine", null, List.of(), List.of(),
            null, null, null);

    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = accountFixture();
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
                .when(new AttachConvertedLead(ACCOUNT, LEAD, CONTACT), as(PEER))
                .expectNoEvents()
                .expectException(RecordNotFoundException.class);
    }

    @Test
    void anAuditorMayNotAttach() {
        fixture.given(new AccountCreated(ACCOUNT, NAMED, OWNER), new ContactAdded(ACCOUNT, CONTACT, PERSON, LEAD))
                .when(new AttachConvertedLead(ACCOUNT, LEAD, CONTACT), as(AUDITOR))
                .expectNoEvents()
                .expectException(NotPermittedException.class);
    }
}
