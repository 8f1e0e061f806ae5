package io.relais;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    /** The one clock domain rules read (e.g. "a consent date cannot be in the future"); tests replace it. */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
