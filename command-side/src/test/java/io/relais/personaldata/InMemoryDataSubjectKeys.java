package io.relais.personaldata;

import java.util.HashSet;
import java.util.Set;

/** The persons' keys for fixture tests: only whether each was erased. */
public class InMemoryDataSubjectKeys implements DataSubjectKeys {

    private final Set<DataSubject> erased = new HashSet<>();

    @Override
    public boolean erase(DataSubject subject) {
        return erased.add(subject);
    }

    @Override
    public boolean erased(DataSubject subject) {
        return erased.contains(subject);
    }
}
