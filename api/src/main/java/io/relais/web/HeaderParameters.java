package io.relais.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One place for the optional headers a route takes as a typed parameter: the {@code If-Match} of every write that
 * takes an {@link ExpectedVersion}, the {@code Idempotency-Key} of every creation that takes an
 * {@link IdempotencyKey}. It reads the header (the type refuses a value it does not accept) and describes it in
 * the OpenAPI description as the optional header it is.
 */
@Configuration(proxyBeanMethods = false)
public class HeaderParameters implements WebMvcConfigurer, HandlerMethodArgumentResolver, OperationCustomizer {

    private record Header(String name, String description, Function<NativeWebRequest, Object> read) {
    }

    private static final Map<Class<?>, Header> HEADERS = Map.of(
            ExpectedVersion.class, new Header(HttpHeaders.IF_MATCH, "The ETag last read; a stale one gets 409",
                    request -> ExpectedVersion.of(request.getHeader(HttpHeaders.IF_MATCH))),
            IdempotencyKey.class, new Header(IdempotencyKey.HEADER, "1 to 100 letters, digits, '.', '_', ':' or '-' "
                    + "that make the creation safe to retry: the same key with the same request answers the first "
                    + "result; with another request it is refused (422 idempotency-key-reused)",
                    request -> IdempotencyKey.of(request.getHeaderValues(IdempotencyKey.HEADER))));

    static {
        HEADERS.keySet().forEach(SpringDocUtils.getConfig()::addRequestWrapperToIgnore);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return HEADERS.containsKey(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return HEADERS.get(parameter.getParameterType()).read().apply(request);
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        Arrays.stream(handlerMethod.getMethodParameters()).filter(this::supportsParameter).forEach(parameter -> {
            Header header = HEADERS.get(parameter.getParameterType());
            operation.addParametersItem(new HeaderParameter().name(header.name()).required(false)
                    .description(header.description()).schema(new StringSchema()));
        });
        return operation;
    }
}
