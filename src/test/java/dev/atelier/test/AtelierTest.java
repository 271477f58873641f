package dev.atelier.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port, on its own database in the shared test PostgreSQL.
 * Tests talk to it over real HTTP through {@link Api}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// the editor's autosave off: browser tests save when they mean to (EditorAutosaveBrowserTest turns it on)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "atelier.studio.autosave-delay=0")
@Import({Api.class, TestUsers.class})
public @interface AtelierTest {
}
