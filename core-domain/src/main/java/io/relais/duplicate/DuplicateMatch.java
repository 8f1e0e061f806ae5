package io.relais.duplicate;

import jakarta.annotation.Nullable;

import java.util.List;

/**
 * A record that looks like a duplicate of another: which one ({@code accountId} is a contact's account), how
 * a reviewer recognises it, how likely it is a duplicate (0 to 1) and why.
 */
public record DuplicateMatch(RecordKind kind, String id, @Nullable String accountId, String label, double score,
                             List<DuplicateReason> reasons) {

    public DuplicateMatch {
        reasons = List.copyOf(reasons);
    }
}
