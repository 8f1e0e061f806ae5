package io.relais.web;

import io.relais.common.PageRequest;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One place for the {@code page} and {@code size} query parameters of every list route that takes a {@link
 * PageRequest}: it reads them as Spring reads an {@code int} request parameter (a value that is not a number is
 * an invalid-parameter problem naming it; {@link PageRequest} refuses one out of range) with the route's
 * {@link PageSize} as the default size, and describes them in the OpenAPI description where the route declares
 * its page.
 */
@Configuration(proxyBeanMethods = false)
public class PageParameters implements WebMvcConfigurer, HandlerMethodArgumentResolver, OperationCustomizer {

    public static final int DEFAULT_SIZE = 20;
    private static final String PAGE = "page";
    private static final String SIZE = "size";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(PageRequest.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageRequest.class;
    }

    @Override
    public PageRequest resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                       NativeWebRequest request, WebDataBinderFactory binderFactory) throws Exception {
        return new PageRequest(value(PAGE, 0, parameter, request, binderFactory),
                value(SIZE, defaultSize(parameter), parameter, request, binderFactory));
    }

    /** As an {@code int} {@code @RequestParam} with a default value: absent or empty takes the default. */
    private static int value(String name, int defaultValue, MethodParameter parameter, NativeWebRequest request,
                             WebDataBinderFactory binderFactory) throws Exception {
        String[] values = request.getParameterValues(name);
        Object value = values == null || values.length == 1 && values[0].isEmpty() ? null
                : QueryRecordParameters.value(name, TypeDescriptor.valueOf(int.class), parameter, request,
                binderFactory);
        return value == null ? defaultValue : (int) value;
    }

    private static int defaultSize(MethodParameter parameter) {
        PageSize size = parameter.getParameterAnnotation(PageSize.class);
        return size == null ? DEFAULT_SIZE : size.value();
    }

    /** Adds page and size where the route's page parameter stands, before the request parameters after it. */
    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        MethodParameter[] parameters = handlerMethod.getMethodParameters();
        int at = Arrays.stream(parameters).filter(this::supportsParameter).mapToInt(MethodParameter::getParameterIndex)
                .findFirst().orElse(-1);
        if (at < 0) {
            return operation;
        }
        List<String> after = Arrays.stream(parameters).skip(at + 1L)
                .filter(parameter -> parameter.hasParameterAnnotation(RequestParam.class))
                .map(PageParameters::name).toList();
        List<Parameter> described = new ArrayList<>(operation.getParameters() == null ? List.of()
                : operation.getParameters());
        int position = 0;
        while (position < described.size() && !after.contains(described.get(position).getName())) {
            position++;
        }
        described.addAll(position, List.of(
                query(PAGE, "The page, from 0", new IntegerSchema()._default(0).minimum(BigDecimal.ZERO)),
                query(SIZE, "Entries per page", new IntegerSchema()._default(defaultSize(parameters[at]))
                        .minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(PageRequest.MAX_SIZE)))));
        operation.setParameters(described);
        return operation;
    }

    private static String name(MethodParameter parameter) {
        RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
        if (!annotation.name().isEmpty()) {
            return annotation.name();
        }
        parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
        return parameter.getParameterName();
    }

    private static Parameter query(String name, String description, Schema<?> schema) {
        return new QueryParameter().name(name).required(false).description(description).schema(schema);
    }
}
