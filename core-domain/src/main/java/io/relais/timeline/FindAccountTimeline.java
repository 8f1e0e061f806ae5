package io.relais.timeline;

import io.relais.common.PageRequest;
import io.relais.organisation.Viewer;

/**
 * A page of everything that happened to an account, its contacts, the leads converted into it and the
 * duplicates merged into it (transitively); empty when the viewer may not see the account.
 */
public record FindAccountTimeline(String accountId, Viewer viewer, TimelineFilter filter, PageRequest page) {
}
