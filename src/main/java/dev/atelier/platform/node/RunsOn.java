package dev.atelier.platform.node;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The role a background task belongs to, on the {@code @Bean} method (or class) that makes the
 * db-scheduler {@code Task}: a node registers only the tasks of its roles, so a render-only node
 * never picks a generation. Every task bean must carry one; the scheduler refuses to start otherwise.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RunsOn {

    NodeRole value();
}
