package io.relais.duplicate;

import io.relais.common.PageRequest;
import io.relais.organisation.Viewer;

/**
 * A page of the undismissed duplicate pairs of {@code kind} (accounts or leads) whose two records the viewer
 * may both see, scoring at least {@code minScore}, optionally only those involving {@code recordId}; most
 * likely first.
 */
public record FindDuplicatePairs(RecordKind kind, String recordId, double minScore, Viewer viewer,
                                 PageRequest page) {
}
