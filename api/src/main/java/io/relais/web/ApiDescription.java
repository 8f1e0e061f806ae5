package io.relais.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's title, version and summary; springdoc fills in the paths and schemas. */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    @Bean
    OpenAPI relaisApi(@Value("${relais.version}") String version) {
        return new OpenAPI().info(new Info()
                .title("Relais API")
                .version(version)
                .description("Relais, an event-sourced CRM engine: leads, accounts and contacts, the product "
                        + "catalogue, opportunities, activities, forecasts and the sales organisation. Every write "
                        + "is a command that is accepted (and stored for ever as events) or refused; every error "
                        + "is an RFC 9457 problem (application/problem+json) whose type, "
                        + "urn:relais:problem:<code>, is stable."));
    }
}
