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
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import java.util.List;
import java.util.Map;

/**
 * Every endpoint needs a signed-in user, except health, the Prometheus scrape, the API description and the web
 * forms' submissions ({@link #PUBLIC_API}). Stateless: each request carries its credentials (Basic or a bearer
 * token), so no session and no CSRF. Cross-origin requests are answered for web forms only ({@link WebFormCors}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    private static final String[] PUBLIC = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};
    /** The API's routes that need no sign-in, as path patterns (the API description marks them so). */
    public static final List<String> PUBLIC_API = List.of(WebFormCors.SUBMISSIONS);

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

    /** Only with a web server: the benchmark runs the engine without one. */
    @Bean
    @ConditionalOnWebApplication
    public SecurityFilterChain api(HttpSecurity http, SecurityProperties properties,
                                   ProblemSecurityResponses problems, QueryGateway queries,
                                   PasswordAuthenticationProvider passwords) throws Exception {
        boolean jwt = properties.mode() == SecurityProperties.Mode.JWT;
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
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
