package dev.atelier.accounts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope an API key needs for this endpoint (on a controller method or class); a key
 * without it gets 403 {@code missing_scope}. Access tokens hold every scope.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresScope {
    Scope value();
}
