package io.relais.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every query parameter of every request before its controller sees it ({@link QueryParameters#check}):
 * one place, so that a new endpoint cannot forget a text filter. A refusal thrown here reaches {@link
 * ApiExceptionHandler} like a controller's. (Paths need no such check: Tomcat refuses a NUL in a path itself.)
 */
@Configuration(proxyBeanMethods = false)
public class QueryParameterCheck implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    /**
     * A form's fields (multipart or URL-encoded) are parameters too, but not query parameters: the route that reads
     * the form checks them (an import's mapping, a web form's notes are longer than a filter), and they are not read
     * here, so that a route that takes no form answers 415 to one without reading it.
     */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (request instanceof MultipartRequest || isUrlEncodedForm(request)) {
            UriComponentsBuilder.newInstance().query(request.getQueryString()).build().getQueryParams()
                    .forEach((name, values) -> parameters.put(UriUtils.decode(name, StandardCharsets.UTF_8),
                            values.stream().map(value -> value == null ? "" : UriUtils.decode(value,
                                    StandardCharsets.UTF_8)).toList()));
        } else {
            request.getParameterMap().forEach((name, values) -> parameters.put(name, List.of(values)));
        }
        parameters.forEach((name, values) -> values.forEach(value -> QueryParameters.check(name, value)));
        return true;
    }

    private static boolean isUrlEncodedForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, MediaType.APPLICATION_FORM_URLENCODED_VALUE, 0,
                MediaType.APPLICATION_FORM_URLENCODED_VALUE.length());
    }
}
