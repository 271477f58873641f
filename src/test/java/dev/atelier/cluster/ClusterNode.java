package dev.atelier.cluster;

import dev.atelier.AtelierApplication;
import dev.atelier.platform.fonts.BundledFonts;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The main class of one node process the {@link Cluster} starts: Atelier from the compiled
 * classes with the {@link CountingProvider} registered by hand (a component under
 * {@code dev.atelier} would be scanned into every test context). Settings come as arguments.
 */
public final class ClusterNode {

    private ClusterNode() {
    }

    public static void main(String[] args) {
        String node = System.getProperty("atelier.node.name", "node");
        BundledFonts.install();
        new SpringApplicationBuilder(AtelierApplication.class)
                .initializers(app -> ((GenericApplicationContext) app).registerBean("countingProvider",
                        CountingProvider.class, () -> new CountingProvider(node)))
                .run(args);
    }
}
