package io.relais.webform;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.relais.web.Allowances;
import io.relais.web.TooManyRequestsException;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Limits web form submissions per client address and per form ({@link Allowances}). Allowances are this node's:
 * behind a load balancer of n nodes, a form takes up to n times its limit.
 */
@Component
class SubmissionThrottle {

    private final Allowances addresses;
    private final Allowances forms;

    SubmissionThrottle(WebFormProperties properties) {
        this.addresses = new Allowances(properties.perAddress().submissions(), properties.perAddress().period(),
                properties.maxTracked());
        this.forms = new Allowances(properties.perForm().submissions(), properties.perForm().period(),
                properties.maxTracked());
    }

    /** Takes one submission from the address's allowance, or refuses when it is spent. */
    void fromAddress(String address) {
        take(addresses.of(address), "from this address");
    }

    /** Takes one submission from the form's allowance, or refuses when it is spent. */
    void toForm(String formId) {
        take(forms.of(formId), "to this form");
    }

    private static void take(Bucket bucket, String where) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException("too-many-submissions", "Too many submissions " + where
                    + ": try again later", Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
