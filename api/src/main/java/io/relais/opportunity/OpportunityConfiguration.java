package io.relais.opportunity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class OpportunityConfiguration {

    /** The stages deals move through, as configured; the aggregate records each stage's figures when it is entered. */
    @Bean
    public SalesStages salesStages(SalesStageProperties properties) {
        return properties.salesStages();
    }
}
