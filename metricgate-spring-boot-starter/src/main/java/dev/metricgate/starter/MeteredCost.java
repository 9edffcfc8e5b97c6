package dev.metricgate.starter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a call to this handler costs against the consumer's limits and quota (default 1 per call),
 * e.g. {@code @MeteredCost(5)} on an expensive report. On a controller class it applies to every
 * handler the class declares; on a method it wins over the class's.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MeteredCost {

    /** 1 to 1000. */
    int value();
}
