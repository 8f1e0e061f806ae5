package io.relais.account;

import io.relais.common.CommandFixtures;
import io.relais.common.ConflictException;
import io.relais.common.InvalidFieldException;
import io.relais.common.InvalidTransitionException;
import io.relais.common.NotPermittedException;
import io.relais.common.RecordNotFoundException;
import io.relais.common.RefusalMatchers;
import io.relais.organisation.Profile;
import io.relais.organisation.TestOrganisation;
import io.relais.personaldata.DataSubjectKeys;
import io.relais.personaldata.InMemoryDataSubjectKeys;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.relais.organisation.TestOrganisation.MANAGER;
import static io.relais.organisation.TestOrganisation.REP;

/**
 * What the fixture tests of the account aggregate ({@link AccountTest}, contact moves, account merges, converted
 * leads) share: the organisation, sample accounts and contacts, histories, the details builder and matchers.
 *
 * <p>Who is who: {@link TestOrganisation#salesTeam()}, with one more rep under the manager ({@link #REP_1}). Unless a
 * test names the actor, commands are sent by OWNER, the rep who owns the account of most histories here.
 */
final class AccountFixtures {

    static final String ACCOUNT_ID = "account-7";
    static final String ERP_ID = "ERP-000123";
    static final String OTHER_ERP_ID = "ERP-000999";
    static final String C1 = "contact-1";
    static final String C2 = "contact-2";
    static final String C3 = "contact-3";
    static final String C4 = "contact-4";
    static final String LEAD = "lead-42";
    static final String OTHER_LEAD = "lead-43";
    static final String SIREN = "732829320";
    static final String SIRET = "73282932000074";
    static final String OTHER_SIREN = "552100554";
    static final String OTHER_SIRET = "55210055400013";
    static final String EMAIL = "jeanne.martin@example.fr";
    static final String PHONE = "+33 6 12 34 56 78";
    static final Address BILLING = new Address("1 rue X", "69002", "Lyon", "FR");
    static final String BILLING_TEXT = "1 rue X, 69002 Lyon, FR";

    /** The rep who owns the records of most histories here. */
    static final String OWNER = REP;
    static final String REP_1 = "rep-1";
    static final String SYSTEM = "system:record-transfer";

    /** The legal name alone: the least a prospect needs. */
    static final AccountDetails NAMED = details().legalName("Acme SARL").build();

    /** Everything the ERP needs, and a little more. */
    static final AccountDetails COMPLETE = details().legalName("Acme SARL").tradeName("Acme")
            .billingAddress(BILLING).phone("+33 4 72 00 00 00").siren(SIREN).siret(SIRET).nafCode("62.01Z")
            .headcount(120).paymentTerms("30 days net").creditLimit("50000").build();

    static final ContactDetails JEANNE = new ContactDetails("Jeanne", "Martin", "Buyer", List.of(EMAIL),
            List.of(PHONE), "Lyon fair 2024", DecisionRole.BUYER, null);
    static final ContactDetails PAUL = new ContactDetails("Paul", "Durand", null, null, null, null, null, null);
    static final ContactDetails LEA = new ContactDetails("Léa", "Fontaine", "CFO", List.of("lea@example.fr"), null,
            null, DecisionRole.DECISION_MAKER, null);

    private AccountFixtures() {
    }

    /** A fixture over the organisation above, sending commands as {@link #OWNER} unless told otherwise. */
    static FixtureConfiguration<Account> accountFixture() {
        return accountFixture(accountId -> Optional.empty());
    }

    /** The same, where {@code others} tells what the read model knows of other accounts. */
    static FixtureConfiguration<Account> accountFixture(OtherAccounts others) {
        return accountFixture(others, new InMemoryDataSubjectKeys());
    }

    /** The same, where {@code keys} tells which persons' keys are erased. */
    static FixtureConfiguration<Account> accountFixture(OtherAccounts others, DataSubjectKeys keys) {
        TestOrganisation organisation = TestOrganisation.salesTeam().add(REP_1, Profile.SALES_REP, MANAGER);
        FixtureConfiguration<Account> fixture = CommandFixtures.fixture(Account.class, organisation, OWNER, keys);
        fixture.registerInjectableResource(others);
        return fixture;
    }

    /** What the read model knows of other accounts: only {@code accountId}, in {@code status}, linked to {@code erpId}. */
    static OtherAccounts knownAccount(String accountId, AccountStatus status, String erpId) {
        return id -> id.equals(accountId) ? Optional.of(new OtherAccounts.Standing(status, erpId)) : Optional.empty();
    }

    /** An account of {@link #OWNER}. */
    static AccountCreated created(AccountDetails details) {
        return new AccountCreated(ACCOUNT_ID, details, OWNER);
    }

    /** {@link #COMPLETE}, owned by {@link #OWNER}, promoted; at version 1. */
    static List<Object> customer() {
        return List.of(created(COMPLETE), new AccountPromotedToCustomer(ACCOUNT_ID));
    }

    /** {@link #customer()} linked to {@link #ERP_ID}; at version 2. */
    static List<Object> linkedCustomer() {
        return with(customer(), new AccountLinkedToErp(ACCOUNT_ID, ERP_ID));
    }

    /** A prospect of {@link #OWNER} with contacts {@link #C1} (Jeanne) and {@link #C2} (Paul); at version 2. */
    static List<Object> withContacts() {
        return List.of(created(COMPLETE), new ContactAdded(ACCOUNT_ID, C1, JEANNE),
                new ContactAdded(ACCOUNT_ID, C2, PAUL));
    }

    static List<Object> with(List<Object> history, Object... more) {
        List<Object> events = new ArrayList<>(history);
        events.addAll(List.of(more));
        return events;
    }

    static AccountDetailsBuilder details() {
        return new AccountDetailsBuilder();
    }

    /** Matches an {@link InvalidFieldException} for {@code field} with the stable {@code code}. */
    static Matcher<InvalidFieldException> invalidField(String field, String code) {
        return RefusalMatchers.invalidField(field, code);
    }

    /** Matches a {@link ConflictException} for {@code field} with the stable {@code code}. */
    static Matcher<ConflictException> conflict(String field, String code) {
        return RefusalMatchers.conflict(field, code);
    }

    /** Matches a {@link NotPermittedException}. */
    static Matcher<Throwable> forbidden() {
        return RefusalMatchers.forbidden();
    }

    /** Matches a {@link RecordNotFoundException} for the account, as answered to who may not see it. */
    static Matcher<Throwable> notFound() {
        return notFound(ACCOUNT_ID);
    }

    /** Matches a {@link RecordNotFoundException} for {@code id}. */
    static Matcher<Throwable> notFound(String id) {
        return RefusalMatchers.notFound(id);
    }

    /** Matches an {@link InvalidTransitionException} refused because the account is in {@code status}. */
    static Matcher<InvalidTransitionException> invalidTransition(AccountStatus status) {
        return RefusalMatchers.invalidTransition(status.name());
    }
}
