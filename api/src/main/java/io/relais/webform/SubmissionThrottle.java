package io.relais.webform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.relais.web.TooManyRequestsException;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Limits web form submissions per client address and per form: each has an allowance that comes back evenly
 * over its period (a Bucket4j token bucket). Allowances are this node's: behind a load balancer of n nodes, a
 * form takes up to n times its limit. Buckets are kept while used, at most {@code maxTracked} of each kind.
 */
@Component
class SubmissionThrottle {

    private final WebFormProperties properties;
    private final Cache<String, Bucket> addresses;
    private final Cache<String, Bucket> forms;

    SubmissionThrottle(WebFormProperties properties) {
        this.properties = properties;
        this.addresses = buckets(properties.perAddress());
        this.forms = buckets(properties.perForm());
    }

    /** Takes one submission from the address's allowance, or refuses when it is spent. */
    void fromAddress(String address) {
        take(addresses.get(address, any -> bucket(properties.perAddress())), "from this address");
    }

    /** Takes one submission from the form's allowance, or refuses when it is spent. */
    void toForm(String formId) {
        take(forms.get(formId, any -> bucket(properties.perForm())), "to this form");
    }

    private Cache<String, Bucket> buckets(WebFormProperties.Limit limit) {
        return Caffeine.newBuilder().expireAfterAccess(limit.period()).maximumSize(properties.maxTracked()).build();
    }

    private static Bucket bucket(WebFormProperties.Limit limit) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.submissions())
                        .refillGreedy(limit.submissions(), limit.period()))
                .build();
    }

    private static void take(Bucket bucket, String where) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException("too-many-submissions", "Too many submissions " + where
                    + ": try again later", Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
