package io.relais.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;

import java.time.Duration;

/**
 * An allowance per key (a user id, a client address, a web form): a Bucket4j token bucket of {@code capacity}
 * tokens that come back evenly over {@code period}. Buckets are kept while used, for at most the period after their
 * last use (by then a bucket would be full again), and at most {@code maxTracked} of them.
 */
public final class Allowances {

    private final int capacity;
    private final Duration period;
    private final Cache<String, Bucket> buckets;

    public Allowances(int capacity, Duration period, long maxTracked) {
        this.capacity = capacity;
        this.period = period;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(period).maximumSize(maxTracked).build();
    }

    /** The key's bucket, full the first time the key is seen. */
    public Bucket of(String key) {
        return buckets.get(key, any -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .build());
    }

    /** The key's bucket if it has one; null for a key not seen lately, whose allowance is whole. */
    public Bucket ifTracked(String key) {
        return buckets.getIfPresent(key);
    }
}
