package io.relais.webhook;

import io.relais.common.PageRequest;

/** A page of webhook subscriptions by address, {@code text} in the address or description; retired ones when asked. */
public record FindWebhooks(String text, boolean includeRetired, PageRequest page) {
}
