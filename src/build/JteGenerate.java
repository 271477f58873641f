import gg.jte.ContentType;
import gg.jte.runtime.Constants;
import gg.jte.TemplateEngine;
import gg.jte.resolve.DirectoryCodeResolver;
import java.nio.file.Path;

/**
 * Build step (pom.xml, antrun execution {@code jte-generate}): turns the templates under
 * src/main/jte into Java sources, as jte-maven-plugin's {@code generate} goal does. Run by the JDK's
 * source launcher, and only when a template changed: the plugin rewrites every source on every
 * build, which made each {@code ./mvnw spring-boot:run} recompile the module (or, with timestamps
 * put back afterwards, cost 0.3 s more than a check that nothing changed).
 * Arguments: the template directory, the directory the sources go to.
 */
class JteGenerate {

    public static void main(String[] args) {
        TemplateEngine engine = TemplateEngine.create(
                new DirectoryCodeResolver(Path.of(args[0])), Path.of(args[1]), ContentType.Html, null,
                Constants.PACKAGE_NAME_PRECOMPILED);
        engine.cleanAll();
        System.out.println("Generated " + engine.generateAll().size() + " jte templates into " + args[1]);
    }
}
