package io.relais.register;

import io.relais.account.AccountDetails;
import io.relais.account.AccountField;
import io.relais.account.AccountView;
import io.relais.account.Address;
import io.relais.account.FieldChanges;
import io.relais.account.FillAccountFromRegister;
import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import io.relais.web.RecordEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Looks an account up in the company register, by what identifies it best: a SIRET asked for, else its SIRET, else
 * its SIREN (the head office), else its legal name in its billing postal code; tells which of its fields the register
 * fills or changes (legal name, SIREN, SIRET, NAF code, billing address: the parts the register has), and applies
 * them when asked ({@link FillAccountFromRegister}, whose rules say who may).
 */
@Service
class AccountEnrichment {

    private static final Logger log = LoggerFactory.getLogger(AccountEnrichment.class);
    private static final int MATCHES = 5;

    private final CompanyRegister register;
    private final RecordEndpoint<AccountView> accounts;

    AccountEnrichment(CompanyRegister register, RecordEndpoint<AccountView> accounts) {
        this.register = register;
        this.accounts = accounts;
    }

    /**
     * What the register says of the account the caller sees; with {@code apply}, made so (a match by name needs
     * the chosen establishment's {@code siret}), the account at {@code expectedVersion} when given.
     */
    Enrichment enrich(String accountId, String siret, boolean apply, Long expectedVersion) {
        AccountView account = accounts.visible(accountId);
        AccountDetails details = account.details();
        List<RegisteredCompany> matches = new ArrayList<>();
        Enrichment.LookedUpBy by = Enrichment.LookedUpBy.NOTHING;
        String postalCode = details.billingAddress() == null ? null : details.billingAddress().postalCode();
        String asked = Fields.siret("siret", siret);
        if (asked != null || details.siret() != null) {
            by = Enrichment.LookedUpBy.SIRET;
            register.bySiret(asked != null ? asked : details.siret()).ifPresent(matches::add);
        } else if (details.siren() != null) {
            by = Enrichment.LookedUpBy.SIREN;
            register.bySiren(details.siren()).ifPresent(matches::add);
        } else if (postalCode != null) {
            by = Enrichment.LookedUpBy.NAME_AND_POSTAL_CODE;
            matches.addAll(register.byNameAndPostalCode(details.legalName(), postalCode, MATCHES));
        }
        if (matches.isEmpty()) {
            return new Enrichment(accountId, register.name(), by, List.of(), List.of(), false, null);
        }
        RegisteredCompany company = matches.get(0);
        AccountDetails values = values(details, company);
        Set<AccountField> fields = fields(details, values);
        AccountDetails filled = details.merge(values, fields);
        if (!apply) {
            return new Enrichment(accountId, register.name(), by, matches, FieldChanges.ofAccount(details, filled),
                    false, null);
        }
        if (by == Enrichment.LookedUpBy.NAME_AND_POSTAL_CODE) {
            throw new InvalidFieldException("siret", "required", "A match by name is applied by naming the "
                    + "establishment chosen among the matches: siret is required");
        }
        long version = accounts.sendAndAwait(accountId, new FillAccountFromRegister(accountId, register.name(),
                company.siret(), values, fields, expectedVersion));
        return new Enrichment(accountId, register.name(), by, matches, FieldChanges.ofAccount(details, filled),
                true, version);
    }

    /** The account's details with what the register has in their place; the address's parts it lacks kept. */
    private static AccountDetails values(AccountDetails details, RegisteredCompany company) {
        Address billing = details.billingAddress() == null ? new Address(null, null, null, null)
                : details.billingAddress();
        Address registered = new Address(or(company.street(), billing.street()),
                or(company.postalCode(), billing.postalCode()), or(company.city(), billing.city()),
                company.street() == null && company.postalCode() == null && company.city() == null ? billing.country()
                        : company.country());
        return new AccountDetails(or(company.name(), details.legalName()), details.tradeName(), registered,
                details.deliveryAddress(), details.phone(), details.website(), company.siren(), company.siret(),
                or(company.nafCode(), details.nafCode()), details.headcount(), details.annualRevenue(),
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

    private static String or(String registered, String current) {
        return registered != null ? registered : current;
    }
}
