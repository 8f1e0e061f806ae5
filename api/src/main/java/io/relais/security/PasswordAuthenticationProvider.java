package io.relais.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks HTTP Basic credentials. The user is loaded on every request (their profile, whether they are active,
 * their stored hash), but BCrypt runs only when the password was not verified against that hash a short
 * while ago ({@link VerifiedPasswordCache}), and only while the user id and the client address have failures
 * left to spend ({@link SignInThrottle}). Counts sign-ins as {@code relais.sign-ins{outcome}}: verified (by
 * BCrypt), remembered (by the cache), refused, throttled.
 */
class PasswordAuthenticationProvider implements AuthenticationProvider {

    private static final String UNKNOWN_ADDRESS = "unknown";

    private final UserDetailsService users;
    private final PasswordEncoder passwordEncoder;
    private final VerifiedPasswordCache verified;
    private final SignInThrottle throttle;
    private final AccountStatusUserDetailsChecker accountStatus = new AccountStatusUserDetailsChecker();
    private final Counter verifiedSignIns;
    private final Counter rememberedSignIns;
    private final Counter refusedSignIns;
    private final Counter throttledSignIns;
    /** Checked against for unknown users, so that they take as long as known ones (as Spring's own provider does). */
    private volatile String unknownUserHash;

    PasswordAuthenticationProvider(UserDetailsService users, PasswordEncoder passwordEncoder,
                                   VerifiedPasswordCache verified, SignInThrottle throttle, MeterRegistry meters) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.verified = verified;
        this.throttle = throttle;
        this.verifiedSignIns = counter(meters, "verified");
        this.rememberedSignIns = counter(meters, "remembered");
        this.refusedSignIns = counter(meters, "refused");
        this.throttledSignIns = counter(meters, "throttled");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : UNKNOWN_ADDRESS;
        try {
            throttle.checkAllowed(userId, address);
            UserDetails user = load(userId);
            if (user != null) {
                accountStatus.check(user);
                if (verified.verified(userId, password, user.getPassword())) {
                    rememberedSignIns.increment();
                    return signedIn(user);
                }
            }
            SignInThrottle.Reservation reservation = throttle.reserve(userId, address);
            if (user == null) {
                passwordEncoder.matches(password, unknownUserHash());
                throw new BadCredentialsException("Bad credentials");
            }
            if (!passwordEncoder.matches(password, user.getPassword())) {
                throw new BadCredentialsException("Bad credentials");
            }
            reservation.giveBack();
            verified.remember(userId, password, user.getPassword());
            verifiedSignIns.increment();
            return signedIn(user);
        } catch (SignInThrottledException e) {
            throttledSignIns.increment();
            throw e;
        } catch (AuthenticationException e) {
            refusedSignIns.increment();
            throw e;
        }
    }

    private UserDetails load(String userId) {
        try {
            return users.loadUserByUsername(userId);
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }

    private String unknownUserHash() {
        if (unknownUserHash == null) {
            unknownUserHash = passwordEncoder.encode("a password no user has");
        }
        return unknownUserHash;
    }

    private static Authentication signedIn(UserDetails user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("relais.sign-ins")
                .description("HTTP Basic sign-ins by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }
}
