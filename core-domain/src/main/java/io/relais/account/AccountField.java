package io.relais.account;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The account details a partial update may change, with their names as clients spell them. The fields
 * the ERP masters are those a customer needs there (legal identity, invoicing address, payment terms):
 * once the account is linked to the ERP, only data stewards and ERP syncs change them.
 */
public enum AccountField {
    LEGAL_NAME("legalName", AccountDetails::legalName, true),
    TRADE_NAME("tradeName", AccountDetails::tradeName, false),
    BILLING_ADDRESS("billingAddress", AccountDetails::billingAddress, true),
    DELIVERY_ADDRESS("deliveryAddress", AccountDetails::deliveryAddress, false),
    PHONE("phone", AccountDetails::phone, false),
    WEBSITE("website", AccountDetails::website, false),
    SIREN("siren", AccountDetails::siren, true),
    SIRET("siret", AccountDetails::siret, true),
    NAF_CODE("nafCode", AccountDetails::nafCode, true),
    HEADCOUNT("headcount", AccountDetails::headcount, false),
    ANNUAL_REVENUE("annualRevenue", AccountDetails::annualRevenue, false),
    OWNERSHIP_NOTES("ownershipNotes", AccountDetails::ownershipNotes, false),
    PAYMENT_TERMS("paymentTerms", AccountDetails::paymentTerms, true),
    CREDIT_LIMIT("creditLimit", AccountDetails::creditLimit, true),
    PURCHASE_VOLUME("purchaseVolume", AccountDetails::purchaseVolume, false),
    OUR_SHARE("ourShare", AccountDetails::ourShare, false),
    BUSINESS_TARGET("businessTarget", AccountDetails::businessTarget, false);

    private final String fieldName;
    private final Function<AccountDetails, Object> getter;
    private final boolean erpMastered;

    AccountField(String fieldName, Function<AccountDetails, Object> getter, boolean erpMastered) {
        this.fieldName = fieldName;
        this.getter = getter;
        this.erpMastered = erpMastered;
    }

    public String fieldName() {
        return fieldName;
    }

    public boolean erpMastered() {
        return erpMastered;
    }

    public Object valueIn(AccountDetails details) {
        return details == null ? null : getter.apply(details);
    }

    public static Optional<AccountField> byName(String fieldName) {
        return Arrays.stream(values()).filter(f -> f.fieldName.equals(fieldName)).findFirst();
    }

    /** Whether a change of {@code fieldName} (as field changes name it) is one of an ERP-mastered field. */
    public static boolean isErpMastered(String fieldName) {
        return byName(fieldName).map(AccountField::erpMastered).orElse(false);
    }

    /** A copy of {@code target} with this field taken from {@code source}. */
    public AccountDetails copy(AccountDetails source, AccountDetails target) {
        return new AccountDetails(
                (this == LEGAL_NAME ? source : target).legalName(),
                (this == TRADE_NAME ? source : target).tradeName(),
                (this == BILLING_ADDRESS ? source : target).billingAddress(),
                (this == DELIVERY_ADDRESS ? source : target).deliveryAddress(),
                (this == PHONE ? source : target).phone(),
                (this == WEBSITE ? source : target).website(),
                (this == SIREN ? source : target).siren(),
                (this == SIRET ? source : target).siret(),
                (this == NAF_CODE ? source : target).nafCode(),
                (this == HEADCOUNT ? source : target).headcount(),
                (this == ANNUAL_REVENUE ? source : target).annualRevenue(),
                (this == OWNERSHIP_NOTES ? source : target).ownershipNotes(),
                (this == PAYMENT_TERMS ? source : target).paymentTerms(),
                (this == CREDIT_LIMIT ? source : target).creditLimit(),
                (this == PURCHASE_VOLUME ? source : target).purchaseVolume(),
                (this == OUR_SHARE ? source : target).ourShare(),
                (this == BUSINESS_TARGET ? source : target).businessTarget());
    }
}
