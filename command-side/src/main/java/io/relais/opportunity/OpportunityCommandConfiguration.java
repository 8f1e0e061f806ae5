package io.relais.opportunity;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class OpportunityCommandConfiguration {

    /** As for leads and accounts: a command does not re-read the deal's events; conflicts still fail on append. */
    @Bean
    public Cache opportunityCache() {
        return new WeakReferenceCache();
    }
}
