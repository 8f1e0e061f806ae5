package io.relais.web;

import io.swagger.v3.oas.annotations.Parameter;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * Query parameters a route declares as one record marked {@link ParameterObject}: each component is read as a
 * {@code @RequestParam} of its name and type would be (a value that does not convert is an invalid-parameter
 * problem naming it; one whose {@code @Parameter} says required is refused when absent), and springdoc describes
 * the components, with the {@code @Parameter} descriptions they carry, as the route's query parameters. A
 * component the request does not name is null: the record gives its own defaults.
 */
@Configuration(proxyBeanMethods = false)
public class QueryRecordParameters implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(ParameterObject.class) && parameter.getParameterType().isRecord();
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) throws Exception {
        Class<?> type = parameter.getParameterType();
        RecordComponent[] components = type.getRecordComponents();
        Constructor<?> canonical = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            MethodParameter component = new MethodParameter(canonical, i);
            values[i] = value(name, new TypeDescriptor(component), parameter, request, binderFactory);
            if (values[i] == null && required(component)) {
                throw new MissingServletRequestParameterException(name, components[i].getType().getSimpleName());
            }
        }
        return BeanUtils.instantiateClass(canonical, values);
    }

    /** Read on the canonical constructor: {@code @Parameter} does not target record components themselves. */
    private static boolean required(MethodParameter component) {
        Parameter parameter = component.getParameterAnnotation(Parameter.class);
        return parameter != null && parameter.required();
    }

    /**
     * One request parameter converted to {@code type} as Spring converts a {@code @RequestParam}: null when
     * absent, every value when repeated, a conversion failure refused as for {@code declared}.
     */
    static Object value(String name, TypeDescriptor type, MethodParameter declared, NativeWebRequest request,
                        WebDataBinderFactory binderFactory) throws Exception {
        String[] values = request.getParameterValues(name);
        Object raw = values == null ? null : values.length == 1 ? values[0] : values;
        if (raw == null) {
            return null;
        }
        try {
            return binderFactory.createBinder(request, null, name)
                    .convertIfNecessary(raw, type.getType(), type);
        } catch (TypeMismatchException e) {
            throw new MethodArgumentTypeMismatchException(raw, e.getRequiredType(), name, declared, e.getCause());
        }
    }
}
