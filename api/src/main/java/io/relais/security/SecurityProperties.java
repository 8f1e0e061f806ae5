package io.relais.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How users sign in.
 *
 * @param mode                 {@code basic}: HTTP Basic against the passwords Relais stores (the embedded
 *                             default); {@code jwt}: OAuth2 bearer tokens from an identity provider, configured
 *                             with Spring's {@code spring.security.oauth2.resourceserver.jwt.*} keys
 * @param jwtUserClaim         the token claim that carries the Relais user id
 * @param passwordHashStrength the BCrypt cost of stored passwords (log2 of the rounds)
 */
@ConfigurationProperties("relais.security")
public record SecurityProperties(@DefaultValue("basic") Mode mode,
                                 @DefaultValue("sub") String jwtUserClaim,
                                 @DefaultValue("12") int passwordHashStrength) {

    public enum Mode {
        BASIC,
        JWT
    }
}
