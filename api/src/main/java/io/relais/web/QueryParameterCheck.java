package io.relais.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Set;

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
     * A multipart form's fields are parameters too, but not query parameters: the route that reads the form checks
     * them (an import's mapping is longer than a filter).
     */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Set<String> query = request instanceof MultipartRequest
                ? UriComponentsBuilder.newInstance().query(request.getQueryString()).build().getQueryParams().keySet()
                : null;
        request.getParameterMap().forEach((name, values) -> {
            if (query == null || query.contains(name)) {
                for (String value : values) {
                    QueryParameters.check(name, value);
                }
            }
        });
        return true;
    }
}
