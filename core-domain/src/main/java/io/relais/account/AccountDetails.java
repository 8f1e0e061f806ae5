package io.relais.account;

import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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
        String tradeName,
        Address billingAddress,
        Address deliveryAddress,
        String phone,
        String website,
        String siren,
        String siret,
        String nafCode,
        Integer headcount,
        BigDecimal annualRevenue,
        String ownershipNotes,
        String paymentTerms,
        BigDecimal creditLimit,
        BigDecimal purchaseVolume,
        BigDecimal ourShare,
        BigDecimal businessTarget) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public AccountDetails validated() {
        String validSiret = Fields.siret("siret", siret);
        String validSiren = Fields.siren("siren", siren);
        if (validSiret != null && validSiren == null) {
            validSiren = validSiret.substring(0, 9);
        } else if (validSiret != null && !validSiret.startsWith(validSiren)) {
            throw new InvalidFieldException("siret", "siret-siren-mismatch",
                    "siret must start with the account's SIREN " + validSiren);
        }
        return new AccountDetails(
                Fields.required("legalName", legalName, 200),
                Fields.text("tradeName", tradeName, 200),
                billingAddress == null ? null : billingAddress.validated("billingAddress"),
                deliveryAddress == null ? null : deliveryAddress.validated("deliveryAddress"),
                Fields.phone("phone", phone),
                Fields.website("website", website),
                validSiren,
                validSiret,
                Fields.nafCode("nafCode", nafCode),
                range("headcount", headcount, 0, 10_000_000),
                amount("annualRevenue", annualRevenue),
                Fields.text("ownershipNotes", ownershipNotes, 2000),
                Fields.text("paymentTerms", paymentTerms, 100),
                amount("creditLimit", creditLimit),
                amount("purchaseVolume", purchaseVolume),
                percent("ourShare", ourShare),
                amount("businessTarget", businessTarget));
    }

    private static Integer range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new InvalidFieldException(field, "out-of-range", field + " must be between " + min + " and " + max);
        }
        return value;
    }

    /** A non-negative amount with at most two decimals and 15 digits before the point. */
    private static BigDecimal amount(String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0 || value.scale() > 2 || value.precision() - value.scale() > 15) {
            throw new InvalidFieldException(field, "invalid-amount",
                    field + " must be zero or more, with at most 15 digits and 2 decimals");
        }
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    private static BigDecimal percent(String field, BigDecimal value) {
        BigDecimal checked = amount(field, value);
        if (checked != null && checked.compareTo(HUNDRED) > 0) {
            throw new InvalidFieldException(field, "out-of-range", field + " is a percentage: 0 to 100");
        }
        return checked;
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
