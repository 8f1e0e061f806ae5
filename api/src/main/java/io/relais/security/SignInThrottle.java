package io.relais.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

import java.time.Duration;

/**
 * Limits failed sign-ins per user id and per client address: each has an allowance of failures that comes
 * back evenly over the window (a Bucket4j token bucket). Once either is spent, sign-ins with that user id or
 * from that address are refused without checking the password, until the allowance has come back.
 * <p>
 * A password check takes one failure from both allowances before it runs, so that many concurrent guesses
 * cannot run more BCrypt checks than allowed; a right password gives back only what its own check took, so a
 * success never restores an address's allowance spent on other users. Buckets are kept for at most the window
 * after their last use (by then a bucket would be full again) and at most {@code maxTracked} of each kind.
 */
final class SignInThrottle {

    private final SecurityProperties.SignInFailures settings;
    private final Cache<String, Bucket> users;
    private final Cache<String, Bucket> addresses;

    SignInThrottle(SecurityProperties.SignInFailures settings) {
        this.settings = settings;
        this.users = buckets(settings);
        this.addresses = buckets(settings);
    }

    /** Refuses when the user id or the address has no failure left to spend. */
    void checkAllowed(String userId, String address) {
        refuseIfSpent(users.getIfPresent(userId));
        refuseIfSpent(addresses.getIfPresent(address));
    }

    /** Takes one failure from the user's and the address's allowance, or refuses if either is spent. */
    Reservation reserve(String userId, String address) {
        Bucket user = users.get(userId, id -> bucket(settings.perUser()));
        take(user);
        Bucket from = addresses.get(address, id -> bucket(settings.perAddress()));
        try {
            take(from);
        } catch (SignInThrottledException e) {
            user.addTokens(1);
            throw e;
        }
        return new Reservation(user, from);
    }

    /** One password check's share of the allowances, given back if the password was right. */
    record Reservation(Bucket user, Bucket address) {

        void giveBack() {
            user.addTokens(1);
            address.addTokens(1);
        }
    }

    private Bucket bucket(int failures) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(failures).refillGreedy(failures, settings.window()))
                .build();
    }

    private static void refuseIfSpent(Bucket bucket) {
        if (bucket != null) {
            EstimationProbe probe = bucket.estimateAbilityToConsume(1);
            if (!probe.canBeConsumed()) {
                throw new SignInThrottledException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
            }
        }
    }

    private static void take(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new SignInThrottledException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private static Cache<String, Bucket> buckets(SecurityProperties.SignInFailures settings) {
        return Caffeine.newBuilder()
                .expireAfterAccess(settings.window())
                .maximumSize(settings.maxTracked())
                .build();
    }
}
