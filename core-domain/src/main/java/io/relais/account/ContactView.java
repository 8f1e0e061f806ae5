package io.relais.account;

import java.time.Instant;
import java.util.List;

/** A contact as the read model shows it, with the contacts it is linked to. */
public record ContactView(String id, String accountId, ContactDetails details, List<ContactLinkView> links,
                          Instant createdAt, Instant updatedAt) {
}
