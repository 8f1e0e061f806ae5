package io.relais.timeline;

import io.relais.common.PageRequest;
import io.relais.organisation.Viewer;

/**
 * A page of everything that happened to a contact, in whichever account, and to the leads converted into
 * them; empty when the viewer may not see the contact's account.
 */
public record FindContactTimeline(String contactId, Viewer viewer, TimelineFilter filter, PageRequest page) {
}
