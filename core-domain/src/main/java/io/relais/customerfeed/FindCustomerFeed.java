package io.relais.customerfeed;

/** The customer feed's entries after position {@code after}, at most {@code limit} of them, oldest first. */
public record FindCustomerFeed(long after, int limit) {
}
