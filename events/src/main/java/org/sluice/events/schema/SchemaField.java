package org.sluice.events.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Constraints of one record component beyond its Java type, written into the generated JSON Schema
 * under {@code docs/events/} (and so enforced on API input). Unset members add nothing.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface SchemaField {
    /** A human description of the field. */
    String description() default "";

    /** Regular expression a string value must match. */
    String pattern() default "";

    /** Regular expression each string item of an array must match. */
    String itemPattern() default "";

    /** Minimum string length. */
    int minLength() default -1;

    /** Maximum string length (or of each string item of an array). */
    int maxLength() default -1;

    /** Minimum numeric value. */
    long minimum() default Long.MIN_VALUE;

    /** Minimum number of array items. */
    int minItems() default -1;

    /** Maximum number of array items. */
    int maxItems() default -1;
}
