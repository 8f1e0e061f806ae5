package io.relais.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.relais.webform.WebFormCors;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import java.util.List;
import java.util.Map;

/**
 * Every endpoint needs a signed-in user, except health, the Prometheus scrape, the API description and the web
 * forms' submissions ({@link #PUBLIC_API}). API clients send their credentials with each request (Basic or a
 * bearer token) and get no session; the console's browser signs in once and is known by its session, whose changes
 * need the CSRF token ({@link BrowserSessions}). Cross-origin requests are answered for web forms only
 * ({@link WebFormCors}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    private static final String[] PUBLIC = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};
    /** The API's routes that need no sign-in, as path patterns (the API description marks them so). */
    public static final List<String> PUBLIC_API = List.of(WebFormCors.SUBMISSIONS);
    static final String SIGN_IN = "/sign-in";
    /** The console's routes: its pages, scripts and styles, the WebJars they load, sign-in and sign-out. */
    private static final String[] CONSOLE = {"/", SIGN_IN, "/sign-out", "/console/**", "/webjars/**",
            "/favicon.ico"};
    /** Nothing but the engine's own scripts, styles and images (charts are drawn on canvases). */
    private static final String CONSOLE_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    /**
     * The API's public routes: no sign-in is asked for, and credentials sent along are not read (a wrong password
     * does not make a web form's post a 401). Cross-origin requests are answered here only, as the route allows them.
     */
    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    public SecurityFilterChain publicApi(HttpSecurity http, ProblemSecurityResponses problems,
                                         @Qualifier(WebFormCors.BEAN) CorsConfigurationSource webForms)
            throws Exception {
        CorsFilter cors = new CorsFilter(webForms);
        cors.setCorsProcessor(new ProblemCorsProcessor(problems));
        return http.securityMatcher(PUBLIC_API.toArray(String[]::new))
                .csrf(AbstractHttpConfigurer::disable)
                .addFilterAt(cors, CorsFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    /**
     * The console's pages, its sign-in and sign-out ({@link #CONSOLE}): a browser that is not signed in is sent to
     * the sign-in page, which starts a session with the same users and passwords as HTTP Basic.
     */
    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    public SecurityFilterChain console(HttpSecurity http, ProblemSecurityResponses problems,
                                       PasswordAuthenticationProvider passwords, BrowserSessions sessions)
            throws Exception {
        ExceptionMappingAuthenticationFailureHandler failures =
                new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl(SIGN_IN + "?error");
        // the sign-in page says what failed from the address: no session for those who are not signed in
        failures.setAllowSessionCreation(false);
        failures.setExceptionMappings(Map.of(SignInThrottledException.class.getName(), SIGN_IN + "?error=throttled"));
        return http.securityMatcher(CONSOLE)
                .csrf(csrf -> csrf.csrfTokenRepository(BrowserSessions.csrfTokens())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .addFilterAfter(BrowserSessions.csrfCookie(), CsrfFilter.class)
                .securityContext(context -> context.securityContextRepository(sessions.contexts(true)))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .authorizeHttpRequests(requests -> requests.requestMatchers("/").authenticated()
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage(SIGN_IN).usernameParameter("userId")
                        .defaultSuccessUrl("/", true).failureHandler(failures))
                .logout(signOut -> signOut.logoutUrl("/sign-out").logoutSuccessUrl(SIGN_IN + "?signed-out")
                        .deleteCookies("JSESSIONID"))
                .authenticationManager(new ProviderManager(passwords))
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(CONSOLE_POLICY)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN))
                        .accessDeniedHandler(problems))
                .build();
    }

    /** Only with a web server: the benchmark runs the engine without one. */
    @Bean
    @ConditionalOnWebApplication
    public SecurityFilterChain api(HttpSecurity http, SecurityProperties properties,
                                   ProblemSecurityResponses problems, QueryGateway queries,
                                   PasswordAuthenticationProvider passwords, BrowserSessions sessions)
            throws Exception {
        boolean jwt = properties.mode() == SecurityProperties.Mode.JWT;
        http.csrf(csrf -> csrf.csrfTokenRepository(BrowserSessions.csrfTokens())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(BrowserSessions.sessionChanges()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .securityContext(context -> context.securityContextRepository(sessions.contexts(false)))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (jwt) {
            DirectoryJwtAuthenticationConverter converter =
                    new DirectoryJwtAuthenticationConverter(queries, properties.jwtUserClaim());
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .jwt(token -> token.jwtAuthenticationConverter(converter))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems));
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint(problems))
                    .authenticationManager(new ProviderManager(passwords));
        }
        return http.build();
    }

    /** Also the firewall's handler for rejected URLs, which Spring Security looks up as a bean. */
    @Bean
    ProblemSecurityResponses problemResponses(ObjectMapper json, SecurityProperties properties) {
        return new ProblemSecurityResponses(json, properties.mode() == SecurityProperties.Mode.JWT ? "Bearer"
                : "Basic realm=\"relais\", charset=\"UTF-8\"");
    }

    @Bean
    BrowserSessions browserSessions(QueryGateway queries, CredentialStore credentials) {
        return new BrowserSessions(new DirectoryUserDetailsService(queries, credentials));
    }

    @Bean
    PasswordAuthenticationProvider passwordAuthenticationProvider(QueryGateway queries, CredentialStore credentials,
                                                                  PasswordEncoder passwordEncoder,
                                                                  SecurityProperties properties, MeterRegistry meters) {
        return new PasswordAuthenticationProvider(new DirectoryUserDetailsService(queries, credentials),
                passwordEncoder, new VerifiedPasswordCache(properties.verifiedPasswords()),
                new SignInThrottle(properties.signInFailures()), meters);
    }

    @Bean
    public PasswordEncoder passwordEncoder(SecurityProperties properties) {
        return new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(properties.passwordHashStrength())));
    }
}
