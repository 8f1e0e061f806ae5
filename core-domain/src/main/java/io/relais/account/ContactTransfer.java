package io.relais.account;

import java.util.List;

/**
 * Everything a contact takes along when it moves to another account: its details, the lead it was
 * converted from (if any) and its links to other contacts. Its id stays the same.
 */
public record ContactTransfer(String contactId, ContactDetails details, String leadId, List<ContactLink> links) {

    public ContactTransfer {
        links = links == null ? List.of() : List.copyOf(links);
    }
}
