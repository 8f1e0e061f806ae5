package io.relais.register;

import io.relais.account.AccountDetails;
import io.relais.account.AccountField;
import io.relais.account.AccountView;
import io.relais.account.Address;
import io.relais.account.FieldChanges;
import io.relais.account.FillAccountFromRegister;
import io.relais.common.FieldChange;
import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import io.relais.organisation.Viewer;
import io.relais.web.RecordEndpoint;
import io.relais.web.RecordEndpoints;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BinaryOperator;

/**
 * Looks an account up in the company register, by what identifies it best: a SIRET asked for, else its SIRET, else
 * its SIREN (the head office), else its legal name in its billing postal code; tells which of its fields the register
 * fills or changes (legal name, SIREN, SIRET, NAF code, billing address: the parts the register has), and applies
 * them when asked ({@link FillAccountFromRegister}, whose rules say who may); fills what a new account lacks when
 * its creation asks for it.
 */
@Service
public class AccountEnrichment {

    private static final Logger log = LoggerFactory.getLogger(AccountEnrichment.class);
    private static final int MATCHES = 5;

    private final CompanyRegister register;
    private final RecordEndpoint<AccountView> accounts;
    private final RecordEndpoints endpoints;

    AccountEnrichment(CompanyRegister register, RecordEndpoint<AccountView> accounts, RecordEndpoints endpoints) {
        this.register = register;
        this.accounts = accounts;
        this.endpoints = endpoints;
    }

    /**
     * What the register says of the account the caller sees; with {@code apply}, made so (a match by name needs
     * the chosen establishment's {@code siret}), the account at {@code expectedVersion} when given.
     */
    Enrichment enrich(String accountId, String siret, boolean apply, Long expectedVersion) {
        AccountView account = accounts.visible(accountId);
        String asked = Fields.siret("siret", siret);
        Lookup lookup = lookUp(account.details(), asked);
        if (lookup.matches().isEmpty()) {
            return new Enrichment(accountId, register.name(), lookup.by(), List.of(), List.of(), false, null);
        }
        Fill fill = fill(account.details(), lookup.matches().get(0), false);
        if (!apply) {
            return new Enrichment(accountId, register.name(), lookup.by(), lookup.matches(), fill.changes(), false,
                    null);
        }
        if (lookup.by() == Enrichment.LookedUpBy.NAME_AND_POSTAL_CODE) {
            throw new InvalidFieldException("siret", "required", "A match by name is applied by naming the "
                    + "establishment chosen among the matches: siret is required");
        }
        long version = accounts.sendAndAwait(accountId, fill.command(accountId, register.name(), expectedVersion));
        return new Enrichment(accountId, register.name(), lookup.by(), lookup.matches(), fill.changes(), true,
                version);
    }

    /**
     * Fills what account {@code accountId}, just made and at {@code version}, lacks from the register (what its
     * creator gave stays), when the register knows it by SIRET or SIREN; answers the account's version. It stays as it
     * was made when the register cannot answer, finds nothing, finds it by name only (no guess between companies), or
     * the fill is refused (someone changed the account meanwhile): each logged, since the account itself is made.
     */
    public long fillWhatItLacks(String accountId, long version) {
        AccountView account = endpoints.await(() -> accounts.find(accountId, Viewer.system()),
                made -> made.version() >= version).orElse(null);
        if (account == null || account.version() != version) {
            return version;
        }
        try {
            Lookup lookup = lookUp(account.details(), null);
            if (lookup.matches().isEmpty() || lookup.by() == Enrichment.LookedUpBy.NAME_AND_POSTAL_CODE) {
                return version;
            }
            Fill fill = fill(account.details(), lookup.matches().get(0), true);
            return fill.changes().isEmpty() ? version
                    : accounts.sendAndAwait(accountId, fill.command(accountId, register.name(), version));
        } catch (RegisterUnavailableException | CommandExecutionException e) {
            log.warn("Account {} was made without what the company register would fill: {}", accountId,
                    e.getMessage());
            return version;
        }
    }

    /** The establishments found for these details, best first, and how. */
    private Lookup lookUp(AccountDetails details, String siret) {
        String postalCode = details.billingAddress() == null ? null : details.billingAddress().postalCode();
        if (siret != null || details.siret() != null) {
            return new Lookup(Enrichment.LookedUpBy.SIRET,
                    register.bySiret(siret != null ? siret : details.siret()).stream().toList());
        }
        if (details.siren() != null) {
            return new Lookup(Enrichment.LookedUpBy.SIREN, register.bySiren(details.siren()).stream().toList());
        }
        if (postalCode != null) {
            return new Lookup(Enrichment.LookedUpBy.NAME_AND_POSTAL_CODE,
                    register.byNameAndPostalCode(details.legalName(), postalCode, MATCHES));
        }
        return new Lookup(Enrichment.LookedUpBy.NOTHING, List.of());
    }

    private record Lookup(Enrichment.LookedUpBy by, List<RegisteredCompany> matches) {
    }

    /** What the register fills: its values, the fields they go to, and the changes they make. */
    private record Fill(RegisteredCompany company, AccountDetails values, Set<AccountField> fields,
                        List<FieldChange> changes) {

        FillAccountFromRegister command(String accountId, String register, Long expectedVersion) {
            return new FillAccountFromRegister(accountId, register, company.siret(), values, fields, expectedVersion);
        }
    }

    /** What {@code company} fills in {@code details}; with {@code lacking}, only where they have no value. */
    private static Fill fill(AccountDetails details, RegisteredCompany company, boolean lacking) {
        AccountDetails values = values(details, company, lacking);
        Set<AccountField> fields = fields(details, values);
        return new Fill(company, values, fields, FieldChanges.ofAccount(details, details.merge(values, fields)));
    }

    /**
     * The account's details with the register's values in the register's fields (address parts one by one): where
     * both have one, the register's, or with {@code lacking} the account's.
     */
    private static AccountDetails values(AccountDetails details, RegisteredCompany company, boolean lacking) {
        BinaryOperator<String> pick = (registered, current) -> registered == null || lacking && current != null
                ? current : registered;
        Address billing = details.billingAddress() == null ? new Address(null, null, null, null)
                : details.billingAddress();
        boolean located = company.street() != null || company.postalCode() != null || company.city() != null;
        Address registered = new Address(pick.apply(company.street(), billing.street()),
                pick.apply(company.postalCode(), billing.postalCode()), pick.apply(company.city(), billing.city()),
                pick.apply(located ? company.country() : null, billing.country()));
        return new AccountDetails(pick.apply(company.name(), details.legalName()), details.tradeName(), registered,
                details.deliveryAddress(), details.phone(), details.website(),
                pick.apply(company.siren(), details.siren()), pick.apply(company.siret(), details.siret()),
                pick.apply(company.nafCode(), details.nafCode()), details.headcount(), details.annualRevenue(),
                details.ownershipNotes(), details.paymentTerms(), details.creditLimit(), details.purchaseVolume(),
                details.ourShare(), details.businessTarget());
    }

    /**
     * The register's fields whose values today's rules accept: a register holding a value the CRM refuses (a name
     * too long) proposes the others.
     */
    private static Set<AccountField> fields(AccountDetails details, AccountDetails values) {
        Set<AccountField> fields = EnumSet.noneOf(AccountField.class);
        for (AccountField field : FillAccountFromRegister.REGISTER_FIELDS) {
            try {
                details.merge(values, Set.of(field));
                fields.add(field);
            } catch (InvalidFieldException refused) {
                log.warn("The company register's {} for SIRET {} is refused by the CRM's rules: {}", field.fieldName(),
                        values.siret(), refused.getMessage());
            }
        }
        return fields;
    }
}
