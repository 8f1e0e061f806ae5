package io.relais.alert;

import io.relais.common.PageRequest;
import io.relais.organisation.Viewer;

import java.util.List;

/**
 * A page of a user's alerts, newest first: the reminders and overdue alerts raised for them, and the changes made
 * by others to what they follow, as far as {@code viewer} may see them now.
 *
 * @param readUpTo   the position up to which the user read their alerts (0 when never)
 * @param unreadOnly only the alerts after {@code readUpTo}
 */
public record FindAlerts(Viewer viewer, List<Follow> follows, long readUpTo, boolean unreadOnly, PageRequest page) {
}
