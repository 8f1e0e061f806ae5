package io.relais.register;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.DefaultUriBuilderFactory;

import java.net.http.HttpClient;

@Configuration(proxyBeanMethods = false)
class RegisterConfiguration {

    /** INSEE's API when a key is configured, else the stock files loaded into the database. */
    @Bean
    CompanyRegister companyRegister(RegisterProperties properties, SireneEstablishments establishments) {
        if (properties.apiKey() == null || properties.apiKey().isBlank()) {
            return new SireneStock(establishments);
        }
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.timeout()).build());
        requests.setReadTimeout(properties.timeout());
        // a value holding '&', '+' or '"' (a company's name) is encoded whole, as a query value
        DefaultUriBuilderFactory uris = new DefaultUriBuilderFactory(properties.apiUrl());
        uris.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.VALUES_ONLY);
        return new SireneApi(RestClient.builder().requestFactory(requests).uriBuilderFactory(uris)
                .defaultHeader(SireneApi.KEY_HEADER, properties.apiKey())
                .defaultHeader("Accept", "application/json").build());
    }
}
