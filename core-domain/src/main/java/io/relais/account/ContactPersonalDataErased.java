package io.relais.account;

import io.relais.personaldata.ErasureRequest;

/**
 * The contact's personal data was erased: its key is gone, so its values read as null in every event. A
 * contact converted from a lead names it: the same person, erased too.
 */
public record ContactPersonalDataErased(String accountId, String contactId, ErasureRequest request, String leadId) {
}
