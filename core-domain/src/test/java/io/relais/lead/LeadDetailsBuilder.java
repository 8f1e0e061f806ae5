package io.relais.lead;

/** Builds lead details field by field; unset fields stay null. */
public final class LeadDetailsBuilder {
    private String firstName;
    private String lastName;
    private String email;
    private String phone;
    private String company;
    private String jobTitle;
    private String website;
    private String postalCode;
    private String city;
    private String country;
    private String notes;

    public LeadDetailsBuilder firstName(String value) {
        firstName = value;
        return this;
    }

    public LeadDetailsBuilder lastName(String value) {
        lastName = value;
        return this;
    }

    public LeadDetailsBuilder email(String value) {
        email = value;
        return this;
    }

    public LeadDetailsBuilder phone(String value) {
        phone = value;
        return this;
    }

    public LeadDetailsBuilder company(String value) {
        company = value;
        return this;
    }

    public LeadDetailsBuilder jobTitle(String value) {
        jobTitle = value;
        return this;
    }

    public LeadDetailsBuilder website(String value) {
        website = value;
        return this;
    }

    public LeadDetailsBuilder postalCode(String value) {
        postalCode = value;
        return this;
    }

    public LeadDetailsBuilder city(String value) {
        city = value;
        return this;
    }

    public LeadDetailsBuilder country(String value) {
        country = value;
        return this;
    }

    public LeadDetailsBuilder notes(String value) {
        notes = value;
        return this;
    }

    public LeadDetails build() {
        return new LeadDetails(firstName, lastName, email, phone, company, jobTitle, website, postalCode, city,
                country, notes, null, null);
    }
}
