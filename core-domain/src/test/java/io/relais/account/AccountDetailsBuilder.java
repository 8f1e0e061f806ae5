package io.relais.account;

import java.math.BigDecimal;

/** Builds account details field by field; unset fields stay null. */
public final class AccountDetailsBuilder {
    private String legalName;
    private String tradeName;
    private Address billingAddress;
    private Address deliveryAddress;
    private String phone;
    private String website;
    private String siren;
    private String siret;
    private String nafCode;
    private Integer headcount;
    private BigDecimal annualRevenue;
    private String ownershipNotes;
    private String paymentTerms;
    private BigDecimal creditLimit;
    private BigDecimal purchaseVolume;
    private BigDecimal ourShare;
    private BigDecimal businessTarget;

    public AccountDetailsBuilder from(AccountDetails d) {
        legalName = d.legalName();
        tradeName = d.tradeName();
        billingAddress = d.billingAddress();
        deliveryAddress = d.deliveryAddress();
        phone = d.phone();
        website = d.website();
        siren = d.siren();
        siret = d.siret();
        nafCode = d.nafCode();
        headcount = d.headcount();
        annualRevenue = d.annualRevenue();
        ownershipNotes = d.ownershipNotes();
        paymentTerms = d.paymentTerms();
        creditLimit = d.creditLimit();
        purchaseVolume = d.purchaseVolume();
        ourShare = d.ourShare();
        businessTarget = d.businessTarget();
        return this;
    }

    public AccountDetailsBuilder legalName(String value) {
        legalName = value;
        return this;
    }

    public AccountDetailsBuilder tradeName(String value) {
        tradeName = value;
        return this;
    }

    public AccountDetailsBuilder billingAddress(Address value) {
        billingAddress = value;
        return this;
    }

    public AccountDetailsBuilder deliveryAddress(Address value) {
        deliveryAddress = value;
        return this;
    }

    public AccountDetailsBuilder phone(String value) {
        phone = value;
        return this;
    }

    public AccountDetailsBuilder website(String value) {
        website = value;
        return this;
    }

    public AccountDetailsBuilder siren(String value) {
        siren = value;
        return this;
    }

    public AccountDetailsBuilder siret(String value) {
        siret = value;
        return this;
    }

    public AccountDetailsBuilder nafCode(String value) {
        nafCode = value;
        return this;
    }

    public AccountDetailsBuilder headcount(Integer value) {
        headcount = value;
        return this;
    }

    public AccountDetailsBuilder annualRevenue(String value) {
        return annualRevenue(amount(value));
    }

    public AccountDetailsBuilder annualRevenue(BigDecimal value) {
        annualRevenue = value;
        return this;
    }

    public AccountDetailsBuilder ownershipNotes(String value) {
        ownershipNotes = value;
        return this;
    }

    public AccountDetailsBuilder paymentTerms(String value) {
        paymentTerms = value;
        return this;
    }

    public AccountDetailsBuilder creditLimit(String value) {
        return creditLimit(amount(value));
    }

    public AccountDetailsBuilder creditLimit(BigDecimal value) {
        creditLimit = value;
        return this;
    }

    public AccountDetailsBuilder purchaseVolume(String value) {
        return purchaseVolume(amount(value));
    }

    public AccountDetailsBuilder purchaseVolume(BigDecimal value) {
        purchaseVolume = value;
        return this;
    }

    public AccountDetailsBuilder ourShare(String value) {
        return ourShare(amount(value));
    }

    public AccountDetailsBuilder ourShare(BigDecimal value) {
        ourShare = value;
        return this;
    }

    public AccountDetailsBuilder businessTarget(String value) {
        return businessTarget(amount(value));
    }

    public AccountDetailsBuilder businessTarget(BigDecimal value) {
        businessTarget = value;
        return this;
    }

    private static BigDecimal amount(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    public AccountDetails build() {
        return new AccountDetails(legalName, tradeName, billingAddress, deliveryAddress, phone, website, siren,
                siret, nafCode, headcount, annualRevenue, ownershipNotes, paymentTerms, creditLimit,
                purchaseVolume, ourShare, businessTarget);
    }
}
