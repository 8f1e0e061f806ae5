package io.relais.webform;

import io.relais.web.Queries;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.time.Duration;
import java.util.List;

/**
 * Cross-origin requests are allowed to a web form's submissions only, from the form's allowed origins (a browser
 * posting from elsewhere is refused before anything is read); every other route of the API is for API clients and
 * answers no cross-origin request.
 */
@Component(WebFormCors.BEAN)
public class WebFormCors implements CorsConfigurationSource {

    public static final String BEAN = "webFormCors";
    /** The submissions' path, which needs no sign-in. */
    public static final String SUBMISSIONS = "/api/v1/web-forms/{key}/submissions";
    private static final PathPattern PATTERN = PathPatternParser.defaultInstance.parse(SUBMISSIONS);

    private final Queries queries;

    WebFormCors(Queries queries) {
        this.queries = queries;
    }

    @Override
    public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
        PathPattern.PathMatchInfo match = PATTERN.matchAndExtract(PathContainer.parsePath(
                request.getRequestURI().substring(request.getContextPath().length())));
        if (match == null) {
            return null;
        }
        return queries.find(new FindWebFormByKey(match.getUriVariables().get("key")), WebFormView.class)
                .map(form -> {
                    CorsConfiguration configuration = new CorsConfiguration();
                    configuration.setAllowedOrigins(form.settings().allowedOrigins());
                    configuration.setAllowedMethods(List.of(HttpMethod.POST.name()));
                    configuration.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT));
                    configuration.setMaxAge(Duration.ofMinutes(10));
                    return configuration;
                })
                .orElse(null);
    }
}
