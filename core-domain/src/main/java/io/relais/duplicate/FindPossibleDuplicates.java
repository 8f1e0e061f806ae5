package io.relais.duplicate;

import io.relais.organisation.Viewer;

import java.util.Set;

/**
 * The records of the kinds {@code among} that look like duplicates of what {@code probe} describes, most
 * likely first, at most {@code limit}, among those the viewer may see.
 */
public record FindPossibleDuplicates(MatchProbe probe, Set<RecordKind> among, Viewer viewer, int limit) {

    public FindPossibleDuplicates {
        among = Set.copyOf(among);
    }
}
