package io.relais.personaldata;

import io.relais.account.AccountView;
import io.relais.account.ContactView;
import io.relais.account.EraseContactPersonalData;
import io.relais.account.FindContact;
import io.relais.lead.EraseLeadPersonalData;
import io.relais.lead.LeadView;
import io.relais.security.CurrentUser;
import io.relais.web.Queries;
import io.relais.web.RecordEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rights of the people whose data Relais holds: leads and contacts (docs/personal-data.md). */
@RestController
@RequestMapping("/api/v1/data-subjects")
@Tag(name = "Personal data", description = "Erasure of a person's data (leads and contacts)")
public class DataSubjectController {

    private final RecordEndpoint<LeadView> leads;
    private final RecordEndpoint<AccountView> accounts;
    private final Queries queries;
    private final SubjectKeys keys;

    public DataSubjectController(RecordEndpoint<LeadView> leads, RecordEndpoint<AccountView> accounts, Queries queries,
                                 SubjectKeys keys) {
        this.leads = leads;
        this.accounts = accounts;
        this.queries = queries;
        this.keys = keys;
    }

    @PostMapping(path = "/{kind}/{id}/erasure", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Erase a person's data for good", description = "Data stewards and administrators. "
            + "Deletes the person's key: their personal values read as null (with personalDataErased) in every "
            + "record, list, history and replay from then on; the records themselves stay. A lead converted into "
            + "a contact is one person with it: the other is erased right after, for the same request. Erasing "
            + "again answers the first erasure.")
    public DataSubjectErasure erase(@PathVariable DataSubjectKind kind, @PathVariable String id,
                                    @RequestBody ErasureRequest request) {
        switch (kind) {
            case LEAD -> leads.sendAndAwait(leads.visible(id).id(), new EraseLeadPersonalData(id, request));
            case CONTACT -> {
                ContactView contact = queries.found(new FindContact(id, CurrentUser.viewer()), ContactView.class,
                        "Contact", id);
                accounts.sendAndAwait(contact.accountId(),
                        new EraseContactPersonalData(contact.accountId(), id, request));
            }
        }
        DataSubject subject = new DataSubject(kind, id);
        return new DataSubjectErasure(kind, id, keys.erasedAt(subject).orElseThrow());
    }
}
