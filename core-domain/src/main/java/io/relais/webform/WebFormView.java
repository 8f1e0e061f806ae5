package io.relais.webform;

import java.time.Instant;

/** A web form as the read model shows it. */
public record WebFormView(String id, long version, String key, WebFormSettings settings, boolean retired,
                          Instant createdAt, Instant updatedAt) {
}
