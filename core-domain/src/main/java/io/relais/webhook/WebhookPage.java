package io.relais.webhook;

import io.relais.common.Page;

import java.util.List;

/** A page of webhook subscriptions. */
public record WebhookPage(List<WebhookView> content, int page, int size, long totalElements)
        implements Page<WebhookView> {
}
