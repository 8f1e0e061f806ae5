package io.relais.timeline;

import io.relais.personaldata.DataSubjectKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The timeline rows and links one batch of events makes, written together when the batch commits. */
final class TimelineBatch {

    final List<TimelineRow> rows = new ArrayList<>();
    final Set<TimelineLink> links = new LinkedHashSet<>();
    final List<Erasure> erasures = new ArrayList<>();

    /** A person's data erased in this batch: the entries about them before it are rewritten once it is written. */
    record Erasure(DataSubjectKind kind, String subjectId) {
    }

    void add(TimelineRow row) {
        rows.add(row);
    }

    /** Makes {@code memberId}'s history part of {@code recordId}'s; nothing when there is no such record. */
    void link(String recordId, String memberId) {
        if (recordId != null) {
            links.add(new TimelineLink(recordId, memberId));
        }
    }
}
