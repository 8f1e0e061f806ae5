package io.relais.duplicate;

import java.time.Instant;
import java.util.List;

/** Two records of the same kind that look like duplicates, waiting for someone to merge or dismiss them. */
public record DuplicatePair(RecordKind kind, PairMember first, PairMember second, double score,
                            List<DuplicateReason> reasons, Instant foundAt) {

    public DuplicatePair {
        reasons = List.copyOf(reasons);
    }
}
