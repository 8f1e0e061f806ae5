package io.relais.account;

import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import jakarta.annotation.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the CRM knows about a company. Only the legal name is required; the rest is filled in over time.
 * The canonical constructor does not validate, so that events stored under older rules always load;
 * {@link #validated()} applies today's rules to new input.
 *
 * @param purchaseVolume      the company's total yearly purchases in our line of business (the rep's estimate)
 * @param ourShare            the share of those purchases we win, in percent
 * @param businessTarget      the yearly revenue the rep aims for with this account
 */
public record AccountDetails(
        String legalName,
        @Nullable String tradeName,
        @Nullable Address billingAddress,
        @Nullable Address deliveryAddress,
        @Nullable String phone,
        @Nullable String website,
        @Nullable String siren,
        @Nullable String siret,
        @Nullable String nafCode,
        @Nullable Integer headcount,
        @Nullable BigDecimal annualRevenue,
        @Nullable String ownershipNotes,
        @Nullable String paymentTerms,
        @Nullable BigDecimal creditLimit,
        @Nullable BigDecimal purchaseVolume,
        @Nullable BigDecimal ourShare,
        @Nullable BigDecimal businessTarget) {

    /** Today's rules applied to every field, for new input. */
    public AccountDetails validated() {
        return checked(EnumSet.allOf(AccountField.class)).withRegistrationNumbersChecked(true);
    }

    /**
     * This account's details with {@code fields} taken from {@code source}. Only the fields given are
     * checked by today's rules: values stored under older rules stay as they are.
     */
    public AccountDetails merge(AccountDetails source, Set<AccountField> fields) {
        AccountDetails checkedSource = source.checked(fields);
        AccountDetails merged = this;
        for (AccountField field : fields) {
            merged = field.copy(checkedSource, merged);
        }
        boolean registration = fields.contains(AccountField.SIREN) || fields.contains(AccountField.SIRET);
        return registration ? merged.withRegistrationNumbersChecked(fields.contains(AccountField.SIRET)) : merged;
    }

    /** A copy with {@code fields} checked and normalised, the others as they are. */
    private AccountDetails checked(Set<AccountField> fields) {
        return new AccountDetails(
                fields.contains(AccountField.LEGAL_NAME) ? Fields.required("legalName", legalName, 200) : legalName,
                fields.contains(AccountField.TRADE_NAME) ? Fields.text("tradeName", tradeName, 200) : tradeName,
                fields.contains(AccountField.BILLING_ADDRESS) && billingAddress != null
                        ? billingAddress.validated("billingAddress") : billingAddress,
                fields.contains(AccountField.DELIVERY_ADDRESS) && deliveryAddress != null
                        ? deliveryAddress.validated("deliveryAddress") : deliveryAddress,
                fields.contains(AccountField.PHONE) ? Fields.phone("phone", phone) : phone,
                fields.contains(AccountField.WEBSITE) ? Fields.website("website", website) : website,
                fields.contains(AccountField.SIREN) ? Fields.siren("siren", siren) : siren,
                fields.contains(AccountField.SIRET) ? Fields.siret("siret", siret) : siret,
                fields.contains(AccountField.NAF_CODE) ? Fields.nafCode("nafCode", nafCode) : nafCode,
                fields.contains(AccountField.HEADCOUNT) ? Fields.integer("headcount", headcount, 0, 10_000_000) : headcount,
                fields.contains(AccountField.ANNUAL_REVENUE) ? amount("annualRevenue", annualRevenue) : annualRevenue,
                fields.contains(AccountField.OWNERSHIP_NOTES)
                        ? Fields.text("ownershipNotes", ownershipNotes, 2000) : ownershipNotes,
                fields.contains(AccountField.PAYMENT_TERMS)
                        ? Fields.text("paymentTerms", paymentTerms, 100) : paymentTerms,
                fields.contains(AccountField.CREDIT_LIMIT) ? amount("creditLimit", creditLimit) : creditLimit,
                fields.contains(AccountField.PURCHASE_VOLUME)
                        ? amount("purchaseVolume", purchaseVolume) : purchaseVolume,
                fields.contains(AccountField.OUR_SHARE) ? Fields.percent("ourShare", ourShare) : ourShare,
                fields.contains(AccountField.BUSINESS_TARGET)
                        ? amount("businessTarget", businessTarget) : businessTarget);
    }

    /**
     * These details with their blanks filled from {@code other}'s (a merged duplicate's): what is filled here
     * stays. ERP-mastered fields are left alone when {@code erpMastered} (the ERP decides them), and a
     * registration number that would not belong to the other one kept here is not taken.
     */
    public AccountDetails filledFrom(AccountDetails other, boolean erpMastered) {
        AccountDetails filled = this;
        for (AccountField field : AccountField.values()) {
            if (field.valueIn(this) == null && field.valueIn(other) != null && !(erpMastered && field.erpMastered())) {
                filled = field.copy(other, filled);
            }
        }
        if (filled.siren != null && filled.siret != null && !filled.siret.startsWith(filled.siren)) {
            filled = (siret == null ? AccountField.SIRET : AccountField.SIREN).copy(this, filled);
        }
        return filled;
    }

    /**
     * These details with the ERP-mastered fields {@code erpRecord} has taken from it: the ERP is their master.
     * A registration number kept here that would not belong to the ERP's is dropped.
     */
    public AccountDetails withErpFieldsFrom(AccountDetails erpRecord) {
        AccountDetails taken = this;
        for (AccountField field : AccountField.values()) {
            if (field.erpMastered() && field.valueIn(erpRecord) != null) {
                taken = field.copy(erpRecord, taken);
            }
        }
        if (taken.siren != null && taken.siret != null && !taken.siret.startsWith(taken.siren)) {
            taken = (erpRecord.siret == null ? AccountField.SIRET : AccountField.SIREN).copy(erpRecord, taken);
        }
        return taken;
    }

    /** The SIRET must belong to the SIREN; a new SIRET gives the SIREN when there is none. */
    private AccountDetails withRegistrationNumbersChecked(boolean siretGiven) {
        if (siret == null) {
            return this;
        }
        if (siren == null) {
            return siretGiven ? new AccountDetails(legalName, tradeName, billingAddress, deliveryAddress, phone,
                    website, siret.substring(0, 9), siret, nafCode, headcount, annualRevenue, ownershipNotes,
                    paymentTerms, creditLimit, purchaseVolume, ourShare, businessTarget) : this;
        }
        if (!siret.startsWith(siren)) {
            throw new InvalidFieldException("siret", "siret-siren-mismatch",
                    "siret must start with the account's SIREN " + siren);
        }
        return this;
    }

    private static BigDecimal amount(String field, BigDecimal value) {
        return Fields.amount(field, value, 2);
    }

    /** The fields a customer needs in the ERP that this account lacks, by their API names. */
    public List<String> missingForCustomer() {
        List<String> missing = new ArrayList<>();
        if (legalName == null) {
            missing.add("legalName");
        }
        if (billingAddress == null || !billingAddress.readyForInvoicing()) {
            missing.add("billingAddress");
        }
        if (siret == null) {
            missing.add("siret");
        }
        if (nafCode == null) {
            missing.add("nafCode");
        }
        if (paymentTerms == null) {
            missing.add("paymentTerms");
        }
        return missing;
    }
}
