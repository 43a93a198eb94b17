package io.originwatch.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that causes outbound traffic (a manual probe, an edge refresh) or hands
 * out evidence (HAR, support bundle). Without a configured token such a method answers 403
 * {@code api_token_required}; see {@link ApiTokenFilter}. The filter decides on the matched method,
 * never on the path, so {@code har/}, {@code har;a=b}, {@code %68ar} or {@code HEAD} cannot slip by.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Sensitive {}
