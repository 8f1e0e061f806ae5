package io.relais.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param readYourWritesTimeout how long a write waits for the read model to show it before answering
 *                              202 Accepted instead
 */
@ConfigurationProperties("relais.api")
public record ReadYourWritesProperties(@DefaultValue("5s") Duration readYourWritesTimeout) {
}
