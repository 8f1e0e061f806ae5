package io.relais.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A success answer of a route whose answers {@link SuccessAnswers} cannot derive from its signature, one per
 * status it may answer; the API description lists exactly these.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Answer.List.class)
public @interface Answer {

    int status();

    /** The headers the answer always carries ({@code Location}, {@code ETag}). */
    String[] headers() default {};

    /** Whether the answer carries the route's return value. */
    boolean body() default true;

    /** What the answer means; by default what it means for a record (200 the record, 201 created …). */
    String description() default "";

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        Answer[] value();
    }
}
