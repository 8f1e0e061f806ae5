package io.relais.duplicate;

import java.util.List;

/**
 * What a candidate shares with a probe: the identifiers both have, and their company and person names
 * compared (null when either has no such name).
 */
public record DuplicateEvidence(List<MatchKey> sharedKeys, NameComparison company, NameComparison person) {

    public DuplicateEvidence {
        sharedKeys = List.copyOf(sharedKeys);
    }
}
