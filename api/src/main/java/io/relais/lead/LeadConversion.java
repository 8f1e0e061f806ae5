package io.relais.lead;

import io.relais.account.AccountDetails;
import io.relais.account.AccountStatus;
import io.relais.account.AccountView;
import io.relais.account.AddContact;
import io.relais.account.Address;
import io.relais.account.AttachConvertedLead;
import io.relais.account.ContactDetails;
import io.relais.account.CreateAccount;
import io.relais.common.InvalidFieldException;
import io.relais.common.InvalidTransitionException;
import io.relais.duplicate.DuplicateMatch;
import io.relais.duplicate.PossibleDuplicates;
import io.relais.messaging.RefusingCommandBus;
import io.relais.opportunity.OpenOpportunity;
import io.relais.opportunity.OpportunityView;
import io.relais.organisation.Viewer;
import io.relais.register.AccountEnrichment;
import io.relais.security.CurrentUser;
import io.relais.web.IdempotencyKeys;
import io.relais.web.RecordEndpoint;
import io.relais.web.RecordEndpoints;
import io.relais.web.RetryDiffersException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Converts a qualified lead into an account (new or existing) and a contact, in steps that are each
 * idempotent: the new account's and the contact's ids derive from the lead's, so a retried conversion
 * finds what an earlier attempt made and completes it. The lead's conversion records the request it came
 * from, so that a retry with another body is refused instead of answered as if it matched. Everything that
 * could be refused for its content is checked before the first write.
 */
@Component
class LeadConversion {

    private final RecordEndpoints endpoints;
    private final RecordEndpoint<LeadView> leads;
    private final RecordEndpoint<AccountView> accounts;
    private final RecordEndpoint<OpportunityView> deals;
    private final PossibleDuplicates possibleDuplicates;
    private final IdempotencyKeys idempotencyKeys;
    private final AccountEnrichment enrichment;

    LeadConversion(RecordEndpoints endpoints, RecordEndpoint<LeadView> leads, RecordEndpoint<AccountView> accounts,
                   RecordEndpoint<OpportunityView> deals, PossibleDuplicates possibleDuplicates,
                   IdempotencyKeys idempotencyKeys, AccountEnrichment enrichment) {
        this.endpoints = endpoints;
        this.leads = leads;
        this.accounts = accounts;
        this.deals = deals;
        this.possibleDuplicates = possibleDuplicates;
        this.idempotencyKeys = idempotencyKeys;
        this.enrichment = enrichment;
    }

    /** With {@code enrich}, what a new account lacks is then filled from the company register. */
    LeadConversionResult convert(String leadId, ConvertLeadRequest body, Long expectedVersion, boolean enrich) {
        Viewer viewer = CurrentUser.viewer();
        LeadView lead = leads.visible(leadId);
        ConvertLeadRequest request = body == null ? new ConvertLeadRequest(null, null, null, null) : body;
        boolean newAccount = request.accountId() == null;
        String accountId = newAccount ? derivedId("account-from-lead:", leadId) : request.accountId();
        String contactId = derivedId("contact-from-lead:", leadId);
        OpenOpportunity deal = request.opportunity() == null ? null : dealFor(lead, request.opportunity());
        if (lead.status() == LeadStatus.CONVERTED) {
            // a retry answers the conversion (completing its deal) only if it asks for the same one
            if (!idempotencyKeys.madeBy(leadId, LeadConverted.class, request)) {
                throw new RetryDiffersException("body", "conversion-differs", "Conversion differs", "The lead was "
                        + "converted by a request with another body: a retry must send the same one");
            }
            return result(lead, lead.convertedAccountId(), lead.convertedContactId(),
                    deal == null ? null : open(deal, lead.convertedAccountId(), lead.convertedContactId()), false,
                    viewer);
        }
        ContactDetails contact = contactFrom(lead).validated();
        if (!newAccount && request.siret() != null) {
            throw new InvalidFieldException("siret", "not-a-new-account", "siret is a new account's: the lead goes to "
                    + "the existing account " + accountId);
        }
        AccountDetails account = newAccount ? accountFrom(lead, request.legalName(), request.siret()).validated()
                : null;
        if (!newAccount) {
            AccountView target = accounts.find(accountId, viewer).orElseThrow(() -> new InvalidFieldException(
                    "accountId", "unknown-account", "No account you may see has the id " + accountId));
            if (target.status() == AccountStatus.MERGED) {
                throw new InvalidTransitionException("convert a lead into an account", AccountStatus.MERGED.name());
            }
        }
        // the lead refuses (its status, the version expected, the actor's rights) before anything is written
        endpoints.send(new CheckLeadConversion(leadId, accountId, contactId, expectedVersion));
        if (newAccount) {
            endpoints.createUnlessExists(new CreateAccount(accountId, account, lead.ownerId()));
        }
        addContact(accountId, contactId, contact, leadId);
        leads.sendAndAwait(leadId, GenericCommandMessage.asCommandMessage(
                new ConvertLead(leadId, accountId, contactId, expectedVersion))
                .andMetaData(idempotencyKeys.requestMetadata(request)));
        long accountVersion = accounts.sendAndAwait(accountId, new AttachConvertedLead(accountId, leadId, contactId));
        if (newAccount && enrich) {
            enrichment.fillWhatItLacks(accountId, accountVersion);
        }
        return result(lead, accountId, contactId, deal == null ? null : open(deal, accountId, contactId), newAccount,
                viewer);
    }

    /** The deal the conversion opens, checked before anything is written; its id follows from the lead's. */
    private static OpenOpportunity dealFor(LeadView lead, ConvertLeadRequest.Deal deal) {
        return new OpenOpportunity(derivedId("opportunity-from-lead:", lead.id()), null, deal.name(), lead.ownerId(),
                null, lead.id(), deal.currency(), deal.amount(), deal.expectedCloseDate(), deal.priceList())
                .validated("opportunity.");
    }

    /**
     * Opens the deal for the account, with the contact as its primary contact, unless an earlier attempt did, and
     * waits (as every write does) until the deals' read model shows it.
     */
    private String open(OpenOpportunity deal, String accountId, String contactId) {
        endpoints.createUnlessExists(new OpenOpportunity(deal.opportunityId(), accountId, deal.name(),
                deal.ownerId(), contactId, deal.leadId(), deal.currency(), deal.amount(), deal.expectedCloseDate(),
                deal.priceList()));
        endpoints.awaitVersion(0, () -> deals.find(deal.opportunityId(), Viewer.system()), OpportunityView::version);
        return deal.opportunityId();
    }

    /** The conversion with the likely duplicates of its account (when new) and of its contact. */
    private LeadConversionResult result(LeadView lead, String accountId, String contactId, String opportunityId,
                                        boolean accountCreated, Viewer viewer) {
        List<DuplicateMatch> duplicates = new ArrayList<>();
        if (accountCreated) {
            accounts.find(accountId, Viewer.system()).ifPresent(account ->
                    duplicates.addAll(possibleDuplicates.ofAccount(accountId, account.details(), viewer)));
        }
        duplicates.addAll(possibleDuplicates.ofContact(contactId, contactFrom(lead), viewer));
        return new LeadConversionResult(lead.id(), accountId, contactId, opportunityId, accountCreated, duplicates);
    }

    private void addContact(String accountId, String contactId, ContactDetails contact, String leadId) {
        try {
            endpoints.send(new AddContact(accountId, contactId, contact, leadId));
        } catch (CommandExecutionException e) {
            boolean madeBefore = RefusingCommandBus.refusal(e)
                    .filter(refusal -> refusal.code().equals("contact-exists")).isPresent();
            if (!madeBefore) {
                throw e;
            }
        }
    }

    private static AccountDetails accountFrom(LeadView lead, String legalName, String siret) {
        LeadDetails d = lead.details();
        String name = legalName == null || legalName.isBlank() ? d.company() : legalName;
        if (name == null) {
            throw new InvalidFieldException("legalName", "required",
                    "The lead has no company: give the new account's legalName");
        }
        Address address = d.postalCode() == null && d.city() == null && d.country() == null ? null
                : new Address(null, d.postalCode(), d.city(), d.country());
        return new AccountDetails(name, null, address, null, null, d.website(), null, siret, d.nafCode(), null, null,
                null, null, null, null, null, null);
    }

    private static ContactDetails contactFrom(LeadView lead) {
        LeadDetails d = lead.details();
        String origin = "Lead " + lead.source() + (lead.sourceDetail() == null ? "" : ": " + lead.sourceDetail());
        // a lead may have no name at all (an e-mail or a phone is enough); a contact needs one
        String lastName = d.lastName() != null || d.firstName() != null ? d.lastName()
                : d.email() != null ? d.email() : d.phone();
        return new ContactDetails(d.firstName(), lastName, d.jobTitle(), d.email() == null ? List.of() : List.of(d.email()),
                d.phone() == null ? List.of() : List.of(d.phone()), cut(origin, 200), null, d.notes());
    }

    /** The text's first {@code length} characters, one less rather than half a surrogate pair. */
    private static String cut(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length);
    }

    private static String derivedId(String kind, String leadId) {
        return UUID.nameUUIDFromBytes((kind + leadId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
