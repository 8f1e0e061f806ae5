package io.relais.webhook;

import io.relais.common.Page;

import java.util.List;

/** A page of a subscription's deliveries, newest event first. */
public record WebhookDeliveryPage(List<WebhookDelivery> content, int page, int size, long totalElements)
        implements Page<WebhookDelivery> {
}
