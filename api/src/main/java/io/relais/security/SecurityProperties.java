package io.relais.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How users sign in.
 *
 * @param mode                 {@code basic}: HTTP Basic against the passwords Relais stores (the embedded
 *                             default); {@code jwt}: OAuth2 bearer tokens from an identity provider, configured
 *                             with Spring's {@code spring.security.oauth2.resourceserver.jwt.*} keys
 * @param jwtUserClaim         the token claim that carries the Relais user id
 * @param passwordHashStrength the BCrypt cost of stored passwords (log2 of the rounds)
 * @param verifiedPasswords    how long, and for how many sign-ins, a password BCrypt accepted is remembered
 * @param signInFailures       how many failed sign-ins are allowed before further attempts are refused
 */
@ConfigurationProperties("relais.security")
public record SecurityProperties(@DefaultValue("basic") Mode mode,
                                 @DefaultValue("sub") String jwtUserClaim,
                                 @DefaultValue("12") int passwordHashStrength,
                                 @DefaultValue VerifiedPasswords verifiedPasswords,
                                 @DefaultValue SignInFailures signInFailures) {

    public enum Mode {
        BASIC,
        JWT
    }

    /**
     * @param timeToLive how long after BCrypt accepted a password the same user and password are let in
     *                   without BCrypt (as long as the stored hash is still the one it was checked against)
     * @param maxEntries how many verified sign-ins are remembered at most (the least used go first)
     */
    public record VerifiedPasswords(@DefaultValue("5m") Duration timeToLive,
                                    @DefaultValue("10000") int maxEntries) {
    }

    /**
     * @param perUser    failed sign-ins allowed for one user id within {@code window}
     * @param perAddress failed sign-ins allowed from one client address within {@code window}, whatever the user
     * @param window     the time in which a spent allowance comes back, evenly
     * @param maxTracked how many user ids, and how many addresses, are tracked at most (the least used go first)
     */
    public record SignInFailures(@DefaultValue("10") int perUser,
                                 @DefaultValue("30") int perAddress,
                                 @DefaultValue("5m") Duration window,
                                 @DefaultValue("100000") int maxTracked) {
    }
}
