package io.relais.customerfeed;

import java.util.List;

/**
 * A stretch of the customer feed: its entries in feed order, the position to read on from ({@code next}: the last
 * entry's, or the one asked for when there is none), and whether more entries follow already.
 */
public record CustomerFeed(List<CustomerFeedEntry> entries, long next, boolean more) {

    public CustomerFeed {
        entries = List.copyOf(entries);
    }
}
