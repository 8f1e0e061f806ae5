package io.relais.organisation;

import io.relais.common.CompanySize;

/** What territory rules look at in a lead. */
public record LeadProfile(String country, String postalCode, String nafCode, CompanySize companySize) {
}
