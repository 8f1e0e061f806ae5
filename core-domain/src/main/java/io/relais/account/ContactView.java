package io.relais.account;

import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A contact as the read model shows it, with the lead it was converted from (if any) and the contacts it
 * is linked to.
 *
 * @param personalDataErased the contact's personal data was erased: every detail is empty for good; the contact
 *                           stays in its account, with its links, deals and activities
 */
public record ContactView(String id, String accountId, ContactDetails details, @Nullable String leadId,
                          List<ContactLink> links,
                          Instant createdAt, Instant updatedAt, boolean personalDataErased) {
}
