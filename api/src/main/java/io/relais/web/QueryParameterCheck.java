package io.relais.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

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

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.getParameterMap().forEach((name, values) -> {
            for (String value : values) {
                QueryParameters.check(name, value);
            }
        });
        return true;
    }
}
