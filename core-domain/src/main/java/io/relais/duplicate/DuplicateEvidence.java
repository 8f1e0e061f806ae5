package io.relais.duplicate;

import java.util.List;

/**
 * What a candidate shares with a probe: the identifiers both have, and how similar their names are (0 to 1,
 * pg_trgm's similarity of the normalised names; 0 when either has no such name).
 */
public record DuplicateEvidence(List<MatchKey> sharedKeys, double companySimilarity, double personSimilarity,
                                boolean bothHaveCompany) {

    public DuplicateEvidence {
        sharedKeys = List.copyOf(sharedKeys);
    }
}
