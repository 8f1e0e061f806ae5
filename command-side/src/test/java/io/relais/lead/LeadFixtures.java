package io.relais.lead;

import io.relais.common.CommandFixtures;
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

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.relais.organisation.TestOrganisation.MANAGER;
import static io.relais.organisation.TestOrganisation.REP;

/**
 * What the fixture tests of the lead aggregate ({@link LeadTest}, lead merges, conversions) share: the
 * organisation, sample leads, histories, the details builder and matchers.
 *
 * <p>Who is who: {@link TestOrganisation#salesTeam()}, with four more reps under the manager (rep-1, rep-2, rep-3,
 * rep-9). Unless a test names the actor, commands are sent by MANAGER, who may act on the leads of OWNER (the rep,
 * who owns the leads of most histories here) and give them to any rep of the team.
 */
final class LeadFixtures {

    static final String LEAD_ID = "lead-42";
    /** The lead {@link #LEAD_ID} is merged into, in a merged lead's history. */
    static final String SURVIVOR_ID = "lead-survivor";
    static final String EMAIL = "jeanne.martin@example.fr";
    static final String ACCOUNT_ID = "account-7";
    static final String CONTACT_ID = "contact-1";
    static final Instant NOW = Instant.parse("2025-03-10T10:00:00Z");

    /** Who owns the leads of most histories here. */
    static final String OWNER = REP;

    private LeadFixtures() {
    }

    /** A fixture over the organisation above, at {@code now}, sending commands as MANAGER unless told otherwise. */
    static FixtureConfiguration<Lead> leadFixture(Instant now) {
        return leadFixture(now, MANAGER);
    }

    /** A fixture over the organisation above, at {@code now}, sending commands as {@code defaultActor} unless told. */
    static FixtureConfiguration<Lead> leadFixture(Instant now, String defaultActor) {
        return leadFixture(now, defaultActor, leadId -> Optional.empty());
    }

    /** The same, where {@code others} tells what the read model knows of other leads. */
    static FixtureConfiguration<Lead> leadFixture(Instant now, String defaultActor, OtherLeads others) {
        return leadFixture(now, defaultActor, others, new InMemoryDataSubjectKeys());
    }

    /** The same, where {@code keys} tells which persons' keys are erased. */
    static FixtureConfiguration<Lead> leadFixture(Instant now, String defaultActor, OtherLeads others,
                                                  DataSubjectKeys keys) {
        TestOrganisation organisation = TestOrganisation.salesTeam()
                .add("rep-1", Profile.SALES_REP, MANAGER)
                .add("rep-2", Profile.SALES_REP, MANAGER)
                .add("rep-3", Profile.SALES_REP, MANAGER)
                .add("rep-9", Profile.SALES_REP, MANAGER);
        FixtureConfiguration<Lead> fixture = CommandFixtures.fixture(Lead.class, organisation, defaultActor, keys);
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        fixture.registerInjectableResource(others);
        return fixture;
    }

    static LeadDetails emailOnly() {
        return details().email(EMAIL).build();
    }

    /** A lead captured for OWNER, whom the default actor manages. */
    static LeadCaptured owned(LeadDetails details) {
        return new LeadCaptured(LEAD_ID, details, LeadSource.WEB_FORM, null, null, OWNER);
    }

    /** A history that leaves the lead of OWNER in {@code status}; it has one event per step taken. */
    static List<Object> leadIn(LeadStatus status) {
        return leadIn(status, OWNER);
    }

    /**
     * A history that leaves the lead of {@code ownerId} (null: unassigned), with an e-mail alone, in
     * {@code status}: converted as {@link #converted()} records, or merged into {@link #SURVIVOR_ID}.
     */
    static List<Object> leadIn(LeadStatus status, String ownerId) {
        LeadCaptured captured = new LeadCaptured(LEAD_ID, emailOnly(), LeadSource.WEB_FORM, null, null, ownerId);
        return switch (status) {
            case NEW -> List.of(captured);
            case WORKING -> List.of(captured, new LeadWorkStarted(LEAD_ID));
            case QUALIFIED -> List.of(captured, new LeadQualified(LEAD_ID, LeadStatus.NEW));
            case DISQUALIFIED -> List.of(captured,
                    new LeadDisqualified(LEAD_ID, DisqualificationReason.NO_NEED, null, LeadStatus.NEW));
            case CONVERTED -> List.of(captured, new LeadQualified(LEAD_ID, LeadStatus.NEW), converted());
            case MERGED -> List.of(captured, new LeadMergedInto(LEAD_ID, SURVIVOR_ID, emailOnly(), LeadStatus.NEW));
        };
    }

    /** {@code history} followed by {@code event}. */
    static List<Object> with(List<Object> history, Object event) {
        List<Object> events = new ArrayList<>(history);
        events.add(event);
        return events;
    }

    /** Converts the lead into {@link #CONTACT_ID} of {@link #ACCOUNT_ID}. */
    static ConvertLead convert() {
        return new ConvertLead(LEAD_ID, ACCOUNT_ID, CONTACT_ID, null);
    }

    /** What {@link #convert()} records for a qualified lead. */
    static LeadConverted converted() {
        return new LeadConverted(LEAD_ID, ACCOUNT_ID, CONTACT_ID, LeadStatus.QUALIFIED);
    }

    static LeadDetailsBuilder details() {
        return new LeadDetailsBuilder();
    }

    /** Matches an {@link InvalidFieldException} for {@code field} with the stable {@code code}. */
    static Matcher<InvalidFieldException> invalidField(String field, String code) {
        return RefusalMatchers.invalidField(field, code);
    }

    /** Matches a {@link NotPermittedException}. */
    static Matcher<Throwable> forbidden() {
        return RefusalMatchers.forbidden();
    }

    /** Matches a {@link RecordNotFoundException} for the lead, as answered to who may not see it. */
    static Matcher<Throwable> notFound() {
        return RefusalMatchers.notFound(LEAD_ID);
    }

    /** Matches an {@link InvalidTransitionException} refused because the lead is in {@code status}. */
    static Matcher<InvalidTransitionException> invalidTransition(LeadStatus status) {
        return RefusalMatchers.invalidTransition(status.name());
    }
}
