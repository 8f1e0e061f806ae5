package io.relais.account;

import java.util.List;

/**
 * The account was a duplicate of {@code survivorId} and was merged into it: the last event of its stream.
 * It carries what the survivor takes over: the contacts, the converted leads, and the details, status and
 * ERP link with which the survivor completes its own.
 */
public record AccountMergedInto(String accountId, String survivorId, List<ContactTransfer> contacts,
                                List<String> convertedLeadIds, AccountDetails details, AccountStatus status,
                                String erpId) {

    public AccountMergedInto {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        convertedLeadIds = convertedLeadIds == null ? List.of() : List.copyOf(convertedLeadIds);
    }
}
