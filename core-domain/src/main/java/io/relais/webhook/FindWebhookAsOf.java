package io.relais.webhook;

import io.relais.common.AsOf;

/**
 * One webhook subscription as it stood at a past instant or version, rebuilt from its events; an empty optional
 * when it did not exist then (or never had that version).
 */
public record FindWebhookAsOf(String webhookId, AsOf asOf) {
}
