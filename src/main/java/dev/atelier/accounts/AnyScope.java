package dev.atelier.accounts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This endpoint is open to any authenticated caller, an API key of any scope included: for what is
 * the same for everyone and private to no one (the model catalog). Declaring it says so on purpose;
 * an endpoint that declares nothing is closed to API keys.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AnyScope {
}
