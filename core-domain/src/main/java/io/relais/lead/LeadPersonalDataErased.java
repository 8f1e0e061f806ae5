package io.relais.lead;

import io.relais.personaldata.ErasureRequest;

/**
 * The lead's personal data was erased: its key is gone, so its values read as null in every event. A
 * converted lead names the contact it became (and that contact's account), the same person, erased too.
 */
public record LeadPersonalDataErased(String leadId, ErasureRequest request, String convertedAccountId,
                                     String convertedContactId) {
}
