package io.relais.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The API reads and writes JSON (and JSON Lines where a route streams them): before the handler runs, a request
 * whose {@code Accept} admits none of what the route answers is refused with 406, and one whose {@code Content-Type} is a wildcard with 415. Spring MVC would find both
 * out only later: the answer's type once the handler has returned, which for a write is after its events are
 * stored (the client would be told 406 about a change that was made), and a wildcard content type as a
 * failure to read the body (a 500). An {@code Accept} that cannot be read is disregarded, as RFC 9110 allows:
 * refusing it would leave no way to say so, since the problem itself could not be negotiated.
 */
@Component
class JsonOnly implements HandlerInterceptor, WebMvcConfigurer {

    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));
    private static final HeaderContentNegotiationStrategy ACCEPT = new HeaderContentNegotiationStrategy();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.strategies(List.of(JsonOnly::accepted));
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException, HttpMediaTypeNotSupportedException {
        List<MediaType> answerable = answerable(handler);
        if (accepted(new ServletWebRequest(request)).stream()
                .noneMatch(type -> answerable.stream().anyMatch(type::isCompatibleWith))) {
            throw new HttpMediaTypeNotAcceptableException(answerable);
        }
        String contentType = request.getContentType();
        if (contentType != null && isWildcard(contentType)) {
            throw new HttpMediaTypeNotSupportedException("A Content-Type cannot be a wildcard: " + contentType);
        }
        return true;
    }

    /** JSON, and what the handler says it produces besides (the JSON Lines of a stream). */
    private static List<MediaType> answerable(Object handler) {
        List<MediaType> types = new ArrayList<>(JSON);
        RequestMapping mapping = handler instanceof HandlerMethod method
                ? AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequestMapping.class) : null;
        if (mapping != null) {
            Arrays.stream(mapping.produces()).map(MediaType::parseMediaType).forEach(types::add);
        }
        return types;
    }

    private static List<MediaType> accepted(NativeWebRequest request) {
        try {
            return ACCEPT.resolveMediaTypes(request);
        } catch (HttpMediaTypeNotAcceptableException unreadable) {
            return ContentNegotiationStrategy.MEDIA_TYPE_ALL_LIST;
        }
    }

    private static boolean isWildcard(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unreadable) {
            return false; // Spring MVC refuses it with 415 itself
        }
    }
}
