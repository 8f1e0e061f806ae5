package io.relais.timeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The timeline rows and links one batch of events makes, written together when the batch commits. */
final class TimelineBatch {

    final List<TimelineRow> rows = new ArrayList<>();
    final Set<TimelineLink> links = new LinkedHashSet<>();

    void add(TimelineRow row) {
        rows.add(row);
    }

    void link(String recordId, String memberId) {
        links.add(new TimelineLink(recordId, memberId));
    }
}
