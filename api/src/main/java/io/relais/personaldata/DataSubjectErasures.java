package io.relais.personaldata;

import io.relais.account.AccountView;
import io.relais.account.ContactView;
import io.relais.account.EraseContactPersonalData;
import io.relais.account.FindContact;
import io.relais.lead.EraseLeadPersonalData;
import io.relais.lead.LeadView;
import io.relais.organisation.Viewer;
import io.relais.web.NotFoundException;
import io.relais.web.Queries;
import io.relais.web.RecordEndpoint;
import org.springframework.stereotype.Component;

/** Erases a person: sends the erasure to the record they live in and waits until its read model shows it. */
@Component
public class DataSubjectErasures {

    private final RecordEndpoint<LeadView> leads;
    private final RecordEndpoint<AccountView> accounts;
    private final Queries queries;
    private final SubjectKeys keys;

    public DataSubjectErasures(RecordEndpoint<LeadView> leads, RecordEndpoint<AccountView> accounts, Queries queries,
                               SubjectKeys keys) {
        this.leads = leads;
        this.accounts = accounts;
        this.queries = queries;
        this.keys = keys;
    }

    /** Erases {@code subject}, found as {@code viewer} sees it (404 otherwise); answers the erasure. */
    public DataSubjectErasure erase(DataSubject subject, ErasureRequest request, Viewer viewer) {
        String id = subject.id();
        switch (subject.kind()) {
            case LEAD -> {
                leads.find(id, viewer).orElseThrow(() -> new NotFoundException("Lead", id));
                leads.sendAndAwait(id, new EraseLeadPersonalData(id, request));
            }
            case CONTACT -> {
                String accountId = queries.found(new FindContact(id, viewer), ContactView.class, "Contact", id)
                        .accountId();
                accounts.sendAndAwait(accountId, new EraseContactPersonalData(accountId, id, request));
            }
        }
        return new DataSubjectErasure(subject.kind(), id, keys.erasedAt(subject).orElseThrow());
    }
}
