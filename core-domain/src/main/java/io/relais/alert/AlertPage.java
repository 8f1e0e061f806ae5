package io.relais.alert;

import io.relais.common.Page;

import java.util.List;

/** A page of a user's alerts, newest first. */
public record AlertPage(List<Alert> content, int page, int size, long totalElements) implements Page<Alert> {
}
