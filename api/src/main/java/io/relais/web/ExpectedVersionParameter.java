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

/**
 * One place for the {@code If-Match} header of every write that takes an {@link ExpectedVersion}: it reads the
 * header (refusing one that is not an ETag of this API) and describes it in the OpenAPI description as the
 * optional header it is.
 */
@Configuration(proxyBeanMethods = false)
public class ExpectedVersionParameter implements WebMvcConfigurer, HandlerMethodArgumentResolver, OperationCustomizer {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ExpectedVersion.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ExpectedVersion.class;
    }

    @Override
    public ExpectedVersion resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                           NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return ExpectedVersion.of(request.getHeader(HttpHeaders.IF_MATCH));
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        boolean takesVersion = Arrays.stream(handlerMethod.getMethodParameters()).anyMatch(this::supportsParameter);
        if (takesVersion) {
            operation.addParametersItem(new HeaderParameter().name(HttpHeaders.IF_MATCH).required(false)
                    .description("The ETag last read; a stale one gets 409").schema(new StringSchema()));
        }
        return operation;
    }
}
