package io.relais.activity;

import io.relais.organisation.Viewer;

/** One activity; empty when it does not exist or the viewer may not see it. */
public record FindActivity(String activityId, Viewer viewer) {
}
