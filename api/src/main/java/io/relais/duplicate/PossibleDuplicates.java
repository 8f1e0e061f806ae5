package io.relais.duplicate;

import io.relais.account.AccountDetails;
import io.relais.account.ContactDetails;
import io.relais.lead.LeadDetails;
import io.relais.organisation.Viewer;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * The likely duplicates a write answers with, among the records the caller may see: the CRM never blocks a
 * duplicate, it shows it.
 */
@Component
public class PossibleDuplicates {

    /** How many likely duplicates an answer lists at most. */
    public static final int LIMIT = 10;

    private final QueryGateway queries;

    public PossibleDuplicates(QueryGateway queries) {
        this.queries = queries;
    }

    public List<DuplicateMatch> ofAccount(String accountId, AccountDetails details, Viewer viewer) {
        return find(MatchProbe.ofAccount(accountId, details), Set.of(RecordKind.ACCOUNT), viewer);
    }

    /** Other leads, and the accounts and contacts the lead may already be. */
    public List<DuplicateMatch> ofLead(String leadId, LeadDetails details, Viewer viewer) {
        return find(MatchProbe.ofLead(leadId, details), Set.of(RecordKind.LEAD, RecordKind.ACCOUNT,
                RecordKind.CONTACT), viewer);
    }

    public List<DuplicateMatch> ofContact(String contactId, ContactDetails details, Viewer viewer) {
        return find(MatchProbe.ofContact(contactId, details), Set.of(RecordKind.CONTACT), viewer);
    }

    private List<DuplicateMatch> find(MatchProbe probe, Set<RecordKind> among, Viewer viewer) {
        return queries.query(new FindPossibleDuplicates(probe, among, viewer, LIMIT), DuplicateMatches.class).join()
                .matches();
    }
}
