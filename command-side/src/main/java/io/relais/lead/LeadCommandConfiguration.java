package io.relais.lead;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class LeadCommandConfiguration {

    /**
     * Keeps recently used leads in memory so that a command does not re-read the lead's events. A
     * concurrent append on another node still fails on the event store's unique key, so the cache never
     * hides a conflict.
     */
    @Bean
    public Cache leadCache() {
        return new WeakReferenceCache();
    }

    /** Lead events stored before consents had a text version (ADR 012); Axon registers them in its upcaster chain. */
    @Bean
    public ConsentTextVersionUpcaster leadCapturedUpcaster() {
        return new ConsentTextVersionUpcaster(LeadCaptured.class, "consent");
    }

    @Bean
    public ConsentTextVersionUpcaster leadConsentWithdrawnUpcaster() {
        return new ConsentTextVersionUpcaster(LeadConsentWithdrawn.class, "consent", "previousConsent");
    }
}
