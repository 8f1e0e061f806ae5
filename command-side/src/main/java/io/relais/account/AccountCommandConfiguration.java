package io.relais.account;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class AccountCommandConfiguration {

    /** As for leads: a command does not re-read the account's events; conflicts still fail on append. */
    @Bean
    public Cache accountCache() {
        return new WeakReferenceCache();
    }
}
