package io.relais.dashboard;

/**
 * The share of recommended fields filled. Accounts: billing address, phone, website, SIRET, NAF code,
 * headcount, annual revenue, payment terms. Contacts (of the owner's accounts): first name, job title, an
 * e-mail, a phone, decision role. Open deals: primary contact, amount, line items, costs of every line.
 */
public record DataQuality(Completeness accounts, Completeness contacts, Completeness deals) {
}
