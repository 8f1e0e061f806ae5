package io.relais.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How webhook deliveries are made (docs/webhooks.md).
 *
 * @param timeout        how long an attempt waits to connect, and then for the answer
 * @param firstRetry     the wait after a first failed attempt; each next wait doubles, up to {@code maxRetryInterval}
 * @param maxRetryInterval the longest wait between two attempts
 * @param retryFor       how long a delivery is retried from its first attempt before it is given up ({@code FAILED})
 * @param suspendAfter   a subscription that has failed for this long without one success is suspended
 * @param pollInterval   how often the sender looks for deliveries that came due (new events wake it at once)
 * @param senders        the attempts made at once on this node
 * @param checkReachable whether a subscription's address must accept a connection when it is saved
 */
@ConfigurationProperties("relais.webhooks")
public record WebhookProperties(@DefaultValue("10s") Duration timeout, @DefaultValue("5s") Duration firstRetry,
                                @DefaultValue("1h") Duration maxRetryInterval, @DefaultValue("24h") Duration retryFor,
                                @DefaultValue("24h") Duration suspendAfter, @DefaultValue("1s") Duration pollInterval,
                                @DefaultValue("4") int senders, @DefaultValue("true") boolean checkReachable) {

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} failed ones. */
    Duration retryAfter(int attempt) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempt && wait.compareTo(maxRetryInterval) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetryInterval) < 0 ? wait : maxRetryInterval;
    }
}
