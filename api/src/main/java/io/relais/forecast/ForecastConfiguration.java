package io.relais.forecast;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ForecastConfiguration {

    @Bean
    public ReportingCurrency reportingCurrency(ForecastProperties properties) {
        return new ReportingCurrency(properties.reportingCurrency());
    }
}
