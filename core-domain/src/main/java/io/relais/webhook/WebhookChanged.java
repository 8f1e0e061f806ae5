package io.relais.webhook;

import io.relais.common.FieldChange;

import java.util.List;

/** A subscription's settings changed; {@code settings} is the whole new state. */
public record WebhookChanged(String webhookId, WebhookSettings settings, List<FieldChange> changes) {
}
