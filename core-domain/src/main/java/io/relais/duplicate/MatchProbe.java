package io.relais.duplicate;

import io.relais.account.AccountDetails;
import io.relais.account.ContactDetails;
import io.relais.lead.LeadDetails;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a record is matched on: its company name and person name (compared fuzzily, by the database) and its
 * normalised identifiers (compared exactly). {@code recordId} is left out of its own matches.
 */
public record MatchProbe(RecordKind kind, String recordId, String company, String person, Set<MatchKey> keys,
                         String label) {

    /** The fields, by their API names, that a probe of each kind is made of: a change to others changes no match. */
    public static final Set<String> ACCOUNT_FIELDS = Set.of("legalName", "phone", "website", "siret", "siren");
    public static final Set<String> LEAD_FIELDS = Set.of("firstName", "lastName", "email", "phone", "company",
            "website");
    public static final Set<String> CONTACT_FIELDS = Set.of("firstName", "lastName", "emails", "phones");

    public MatchProbe {
        keys = keys == null ? Set.of() : Set.copyOf(keys);
    }

    public static MatchProbe ofAccount(String accountId, AccountDetails details) {
        Set<MatchKey> keys = new LinkedHashSet<>();
        add(keys, KeyType.SIRET, details.siret());
        add(keys, KeyType.SIREN, details.siren());
        add(keys, KeyType.PHONE, MatchKeys.phone(details.phone()));
        add(keys, KeyType.DOMAIN, MatchKeys.domain(details.website()));
        return new MatchProbe(RecordKind.ACCOUNT, accountId, details.legalName(), null, keys, details.legalName());
    }

    public static MatchProbe ofLead(String leadId, LeadDetails details) {
        Set<MatchKey> keys = new LinkedHashSet<>();
        add(keys, KeyType.EMAIL, MatchKeys.email(details.email()));
        add(keys, KeyType.PHONE, MatchKeys.phone(details.phone()));
        add(keys, KeyType.DOMAIN, MatchKeys.domain(details.website()));
        String person = join(details.firstName(), details.lastName());
        String label = Stream.of(person, details.company()).filter(Objects::nonNull).collect(Collectors.joining(", "));
        return new MatchProbe(RecordKind.LEAD, leadId, details.company(), person, keys,
                !label.isEmpty() ? label : details.email() != null ? details.email() : details.phone());
    }

    public static MatchProbe ofContact(String contactId, ContactDetails details) {
        Set<MatchKey> keys = new LinkedHashSet<>();
        details.emails().forEach(email -> add(keys, KeyType.EMAIL, MatchKeys.email(email)));
        details.phones().forEach(phone -> add(keys, KeyType.PHONE, MatchKeys.phone(phone)));
        String person = join(details.firstName(), details.lastName());
        return new MatchProbe(RecordKind.CONTACT, contactId, null, person, keys, person);
    }

    /**
     * What is left to match once the person's data is erased: the company and the keys not made of the person's
     * e-mails and phones; no person, and the company for a label. The same as a probe of the erased details.
     */
    public MatchProbe withoutPersonalData() {
        Set<MatchKey> kept = keys.stream().filter(key -> key.type() != KeyType.EMAIL && key.type() != KeyType.PHONE)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new MatchProbe(kind, recordId, company, null, kept, company);
    }

    private static void add(Set<MatchKey> keys, KeyType type, String value) {
        if (value != null) {
            keys.add(new MatchKey(type, value));
        }
    }

    private static String join(String first, String last) {
        String joined = Stream.of(first, last).filter(Objects::nonNull).collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }
}
