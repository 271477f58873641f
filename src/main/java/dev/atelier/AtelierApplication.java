package dev.atelier;

import dev.atelier.platform.database.EmbeddedDatabaseEarlyStart;
import dev.atelier.platform.fonts.BundledFonts;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AtelierApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application as {@link #main} starts it (bench/startup-steps.sh starts the same). */
    public static SpringApplication application() {
        // before anything makes a font: Java2D must use the fonts in the jar, not the machine's
        BundledFonts.install();
        SpringApplication application = new SpringApplication(AtelierApplication.class);
        // the embedded PostgreSQL starts while the context is being built (docs/platform.md, "Start-up")
        application.addListeners(new EmbeddedDatabaseEarlyStart());
        return application;
    }
}
