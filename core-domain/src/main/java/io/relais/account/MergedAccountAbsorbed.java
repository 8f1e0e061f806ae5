package io.relais.account;

import java.util.List;

/**
 * A duplicate account was merged into this one: its contacts moved in (each with its own event before
 * this one) and its converted leads now belong here. The duplicate's history stays readable from here.
 */
public record MergedAccountAbsorbed(String accountId, String mergedId, List<String> contactIds,
                                    List<String> convertedLeadIds) {

    public MergedAccountAbsorbed {
        contactIds = contactIds == null ? List.of() : List.copyOf(contactIds);
        convertedLeadIds = convertedLeadIds == null ? List.of() : List.copyOf(convertedLeadIds);
    }
}
