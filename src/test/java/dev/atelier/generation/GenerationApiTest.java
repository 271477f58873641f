package dev.atelier.generation;

import dev.atelier.generation.internal.GenerationTestAccess;
import dev.atelier.test.AtelierTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application with the scripted provider beside the local one, quick polling and a
 * fast event-stream heartbeat. Test classes that carry it share one Spring context (and so one
 * start-up): each works with its own users and puts back what it changes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AtelierTest
@Import({ScriptedProvider.class, GenerationsApi.class, GenerationTestAccess.class, EndedRequests.class})
@TestPropertySource(properties = {
        "atelier.scheduler.polling-interval=100ms",
        "atelier.generation.first-poll=100ms",
        "atelier.generation.heartbeat=200ms"})
public @interface GenerationApiTest {
}
