package io.relais.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The page size a list route gives when the request names none, on its {@link io.relais.common.PageRequest}
 * parameter (read and described by {@link PageParameters}); without it, {@value PageParameters#DEFAULT_SIZE}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface PageSize {

    int value();
}
