package io.relais.lead;

import io.relais.common.AuditMetadata;
import io.relais.common.InvalidFieldException;
import io.relais.common.InvalidTransitionException;
import io.relais.common.NotPermittedException;
import io.relais.common.RecordNotFoundException;
import io.relais.common.RefusalMatchers;
import io.relais.organisation.InMemoryOrganisationDirectory;
import io.relais.organisation.Profile;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the fixture tests of the lead aggregate ({@link LeadTest}, lead merges, conversions) share: the
 * organisation, sample leads, histories, the details builder and matchers.
 *
 * <p>Who is who. Unless a test names the actor, commands are sent by MANAGER, who may act on the leads of
 * OWNER (who owns the leads of most histories here) and give them to any rep of the team.
 * <pre>
 *   admin (administrator)        auditor, analyst, steward (read-only profiles; steward curates duplicates)
 *   director (sales manager)
 *   +-- manager (sales manager)
 *   |   +-- rep (OWNER), peer, rep-1, rep-2, rep-3, rep-9 (sales reps), former (deactivated rep)
 *   +-- other-manager (sales manager)
 *       +-- other-rep (sales rep)
 * </pre>
 */
final class LeadFixtures {

    static final String LEAD_ID = "lead-42";
    /** The lead {@link #LEAD_ID} is merged into, in a merged lead's history. */
    static final String SURVIVOR_ID = "lead-survivor";
    static final String EMAIL = "jeanne.martin@example.fr";
    static final String ACCOUNT_ID = "account-7";
    static final String CONTACT_ID = "contact-1";
    static final Instant NOW = Instant.parse("2025-03-10T10:00:00Z");

    static final String OWNER = "rep";
    static final String MANAGER = "manager";
    static final String DIRECTOR = "director";
    static final String PEER = "peer";
    static final String OTHER_MANAGER = "other-manager";
    static final String OTHER_REP = "other-rep";
    static final String ADMIN = "admin";
    static final String AUDITOR = "auditor";
    static final String ANALYST = "analyst";
    static final String STEWARD = "steward";
    static final String FORMER = "former";
    static final String UNKNOWN = "nobody";

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
        InMemoryOrganisationDirectory directory = new InMemoryOrganisationDirectory()
                .add(ADMIN, Profile.ADMINISTRATOR, null)
                .add(AUDITOR, Profile.AUDITOR, null)
                .add(ANALYST, Profile.ANALYST, null)
                .add(STEWARD, Profile.DATA_STEWARD, null)
                .add(DIRECTOR, Profile.SALES_MANAGER, null)
                .add(MANAGER, Profile.SALES_MANAGER, DIRECTOR)
                .add(OWNER, Profile.SALES_REP, MANAGER)
                .add(PEER, Profile.SALES_REP, MANAGER)
                .add("rep-1", Profile.SALES_REP, MANAGER)
                .add("rep-2", Profile.SALES_REP, MANAGER)
                .add("rep-3", Profile.SALES_REP, MANAGER)
                .add("rep-9", Profile.SALES_REP, MANAGER)
                .addInactive(FORMER, Profile.SALES_REP, MANAGER)
                .add(OTHER_MANAGER, Profile.SALES_MANAGER, DIRECTOR)
                .add(OTHER_REP, Profile.SALES_REP, OTHER_MANAGER);
        FixtureConfiguration<Lead> leadFixture = new AggregateTestFixture<>(Lead.class);
        leadFixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        leadFixture.registerInjectableResource(directory.authorization());
        leadFixture.registerInjectableResource(others);
        leadFixture.registerCommandDispatchInterceptor(messages -> (index, message) ->
                message.getMetaData().containsKey(AuditMetadata.USER_ID)
                        ? message
                        : message.andMetaData(Map.of(AuditMetadata.USER_ID, defaultActor)));
        return leadFixture;
    }

    static Map<String, Object> as(String actorId) {
        return Map.of(AuditMetadata.USER_ID, actorId);
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

    /** Converts the lead into {@link #CONTACT_ID} of {@link #ACCOUNT_ID}. */
    static ConvertLead convert() {
        return new ConvertLead(LEAD_ID, ACCOUNT_ID, CONTACT_ID, null);
    }

    /** What {@link #convert()} records for a qualified lead. */
    static LeadConverted converted() {
        return new LeadConverted(LEAD_ID, ACCOUNT_ID, CONTACT_ID, LeadStatus.QUALIFIED);
    }

    static DetailsBuilder details() {
        return new DetailsBuilder();
    }

    /** Builds lead details field by field; unset fields stay null. */
    static final class DetailsBuilder {
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
                    country, notes, null, null);
        }
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
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable e) {
                return e instanceof RecordNotFoundException refused && "not-found".equals(refused.code())
                        && ("No record exists with id " + LEAD_ID).equals(refused.getMessage());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("RecordNotFoundException for ").appendValue(LEAD_ID);
            }

            @Override
            protected void describeMismatchSafely(Throwable e, Description description) {
                description.appendText("was ").appendValue(e);
            }
        };
    }

    /** Matches an {@link InvalidTransitionException} refused because the lead is in {@code status}. */
    static Matcher<InvalidTransitionException> invalidTransition(LeadStatus status) {
        return RefusalMatchers.invalidTransition(status.name());
    }
}
