package io.relais.webhook;

import jakarta.annotation.Nullable;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a subscription's settings, and its signing secret when {@code secretId} names a new one. */
public record ChangeWebhook(@TargetAggregateIdentifier String webhookId, WebhookSettings settings,
                            @Nullable String secretId, Long expectedVersion) {
}
