package io.relais.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.relais.web.Allowances;

import java.time.Duration;

/**
 * Limits failed sign-ins per user id and per client address: each has an allowance of failures that comes
 * back evenly over the window (a Bucket4j token bucket). Once either is spent, sign-ins with that user id or
 * from that address are refused without checking the password, until the allowance has come back.
 * <p>
 * A password check takes one failure from both allowances before it runs, so that many concurrent guesses
 * cannot run more BCrypt checks than allowed; a right password gives back only what its own check took, so a
 * success never restores an address's allowance spent on other users ({@link Allowances}: at most
 * {@code maxTracked} of each kind are kept).
 */
final class SignInThrottle {

    private final Allowances users;
    private final Allowances addresses;

    SignInThrottle(SecurityProperties.SignInFailures settings) {
        this.users = new Allowances(settings.perUser(), settings.window(), settings.maxTracked());
        this.addresses = new Allowances(settings.perAddress(), settings.window(), settings.maxTracked());
    }

    /** Refuses when the user id or the address has no failure left to spend. */
    void checkAllowed(String userId, String address) {
        refuseIfSpent(users.ifTracked(userId));
        refuseIfSpent(addresses.ifTracked(address));
    }

    /** Takes one failure from the user's and the address's allowance, or refuses if either is spent. */
    Reservation reserve(String userId, String address) {
        Bucket user = users.of(userId);
        take(user);
        Bucket from = addresses.of(address);
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
}
