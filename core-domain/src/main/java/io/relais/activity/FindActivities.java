package io.relais.activity;

import io.relais.common.PageRequest;
import io.relais.organisation.Viewer;

import java.time.Instant;

/**
 * A page of the activities the viewer may see that match every filter given (null filters match all):
 * about an account, a contact, a deal; of an owner, a kind, a status; due before an instant. Newest first
 * (by due time, or by when they happened).
 */
public record FindActivities(Viewer viewer, String accountId, String contactId, String opportunityId,
                             String ownerId, ActivityKind kind, ActivityStatus status, Instant dueBefore,
                             PageRequest page) {
}
