package io.relais.register;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param apiKey  the integration key of an INSEE API portal application subscribed to API Sirene; when set, SIRENE is
 *                read through the API, else from the stock files loaded by {@code register load}
 * @param apiUrl  API Sirene's address
 * @param timeout how long a call to the API may take, connection included
 */
@ConfigurationProperties("relais.register.sirene")
public record RegisterProperties(String apiKey,
                                 @DefaultValue("https://api.insee.fr/api-sirene/3.11") String apiUrl,
                                 @DefaultValue("5s") Duration timeout) {
}
