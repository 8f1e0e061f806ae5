package io.relais.activity;

import io.relais.common.PageRequest;

/** A page of the alerts raised for a user, newest first. */
public record FindAlerts(String userId, PageRequest page) {
}
