package io.relais.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * The console's sign-in: a session cookie for the browser, beside the API clients' credentials sent with each
 * request. A change made through a session must carry the CSRF token, read by the console's scripts from the
 * {@code XSRF-TOKEN} cookie and sent back as the {@code X-XSRF-TOKEN} header (or the {@code _csrf} field of a
 * form): another site's page can make the browser send the cookie, not read it. A request with an
 * {@code Authorization} header is not the session's, and needs no token.
 */
final class BrowserSessions {

    static final String CSRF_COOKIE = "XSRF-TOKEN";
    private static final String PASSWORD_DIGEST = BrowserSessions.class.getName() + ".password";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final UserDetailsService users;

    BrowserSessions(UserDetailsService users) {
        this.users = users;
    }

    /** The same cookie for the console's pages and the API's routes. */
    static CsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict").path("/"));
        return tokens;
    }

    /** The API's changes made by a session (the cookie, without an {@code Authorization} header). */
    static RequestMatcher sessionChanges() {
        return request -> !SAFE_METHODS.contains(request.getMethod())
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getRequestedSessionId() != null;
    }

    /**
     * The signed-in user of the request's session, read again from the directory at each request: a deactivated
     * user's session ends at once, so does one opened with a password since changed, and a changed profile
     * applies from the next request.
     *
     * @param createSessions whether signing in may start a session (the console's pages) or only an existing one is
     *                       read (the API, whose clients without a session stay without one)
     */
    SecurityContextRepository contexts(boolean createSessions) {
        HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        sessions.setAllowSessionCreation(createSessions);
        // the request's own first: where HTTP Basic and bearer tokens leave the user for the request's later
        // dispatches (a streamed answer's)
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new RefreshedContexts(sessions));
    }

    /** Makes the CSRF token's cookie be set on every page, for the page's scripts and forms to read it. */
    static OncePerRequestFilter csrfCookie() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                    token.getToken();
                }
                chain.doFilter(request, response);
            }
        };
    }

    private static String digest(UserDetails user) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(user.getPassword().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class RefreshedContexts implements SecurityContextRepository {

        private final HttpSessionSecurityContextRepository sessions;

        RefreshedContexts(HttpSessionSecurityContextRepository sessions) {
            this.sessions = sessions;
        }

        @Override
        public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
            DeferredSecurityContext stored = sessions.loadDeferredContext(request);
            return new DeferredSecurityContext() {
                private SecurityContext refreshed;

                @Override
                public SecurityContext get() {
                    if (refreshed == null) {
                        refreshed = refreshed(request, stored.get());
                    }
                    return refreshed;
                }

                @Override
                public boolean isGenerated() {
                    return stored.isGenerated();
                }
            };
        }

        @Override
        @Deprecated
        public SecurityContext loadContext(HttpRequestResponseHolder holder) {
            return refreshed(holder.getRequest(), sessions.loadDeferredContext(holder.getRequest()).get());
        }

        /** Also notes which password the session was opened with (a digest of its stored hash). */
        @Override
        public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
            sessions.saveContext(context, request, response);
            HttpSession session = request.getSession(false);
            Authentication signedIn = context.getAuthentication();
            if (session != null && signedIn != null) {
                session.setAttribute(PASSWORD_DIGEST, digest(users.loadUserByUsername(signedIn.getName())));
            }
        }

        @Override
        public boolean containsContext(HttpServletRequest request) {
            return sessions.containsContext(request);
        }

        private SecurityContext refreshed(HttpServletRequest request, SecurityContext stored) {
            Authentication signedIn = stored.getAuthentication();
            if (signedIn == null) {
                return stored;
            }
            UserDetails user;
            try {
                user = users.loadUserByUsername(signedIn.getName());
            } catch (UsernameNotFoundException e) {
                user = null;
            }
            HttpSession session = request.getSession(false);
            if (user == null || !user.isEnabled() || session == null
                    || !digest(user).equals(session.getAttribute(PASSWORD_DIGEST))) {
                if (session != null) {
                    session.invalidate();
                }
                return SecurityContextHolder.createEmptyContext();
            }
            UserDetails current = User.withUsername(user.getUsername()).password("")
                    .authorities(user.getAuthorities()).build();
            return new SecurityContextImpl(
                    UsernamePasswordAuthenticationToken.authenticated(current, null, current.getAuthorities()));
        }
    }
}
