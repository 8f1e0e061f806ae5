package io.relais.webhook;

/** Whether a subscription's deliveries go out. */
public enum WebhookStatus {
    /** Deliveries go out. */
    ACTIVE,
    /** Deliveries wait: an administrator paused it, or the system did after it kept failing (see the reason). */
    SUSPENDED,
    /** Ended for good; nothing more is delivered. */
    RETIRED
}
