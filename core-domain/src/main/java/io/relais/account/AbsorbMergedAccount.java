package io.relais.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Take over what a merged duplicate handed over; sent by the merge process only. */
public record AbsorbMergedAccount(@TargetAggregateIdentifier String accountId, String mergedId,
                                  List<ContactTransfer> contacts, List<String> convertedLeadIds,
                                  AccountDetails details, AccountStatus status, String erpId) {

    public static AbsorbMergedAccount of(String survivorId, AccountMergedInto merged) {
        return new AbsorbMergedAccount(survivorId, merged.accountId(), merged.contacts(), merged.convertedLeadIds(),
                merged.details(), merged.status(), merged.erpId());
    }
}
