package dev.atelier.cluster;

import dev.atelier.generation.GenerationProvider;
import dev.atelier.generation.PollResult;
import dev.atelier.generation.ProviderOutput;
import dev.atelier.generation.ProviderRequest;
import dev.atelier.generation.Submission;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cluster's provider ({@code cluster}, model {@code cluster/instant}): answers at once with a
 * small PNG, and records every call in {@code harness.provider_calls} of the shared database with
 * the node that made it, so a test counts calls per job across processes. A prompt
 * {@code sleep <ms>} makes it work that long first, reporting progress ten times.
 */
final class CountingProvider implements GenerationProvider, BeanFactoryAware {

    static final String ID = "cluster";
    static final String MODEL = "cluster/instant";
    private static final Pattern SLEEP = Pattern.compile("sleep (\\d{1,6})");

    private final String node;
    private final byte[] png;
    private BeanFactory beans;

    CountingProvider(String node) {
        this.node = node;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", out);
            png = out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void setBeanFactory(BeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Submission submit(ProviderRequest request) {
        beans.getBean(JdbcClient.class)
                .sql("insert into harness.provider_calls (generation_id, node) values (:id, :node)")
                .param("id", request.generationId()).param("node", node).update();
        Matcher sleep = SLEEP.matcher(request.prompt());
        if (sleep.matches()) {
            long each = Long.parseLong(sleep.group(1)) / 10;
            for (int step = 1; step <= 10; step++) {
                try {
                    Thread.sleep(each);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // the engine reads it: canceled, or this node stops
                    throw new IllegalStateException("interrupted", e);
                }
                request.progress().report(step * 9);
            }
        }
        try {
            Path file = Files.write(Files.createTempFile("cluster-", ".png"), png);
            return new Submission.Completed(List.of(new ProviderOutput.LocalFile(file, "image/png")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public PollResult poll(ProviderRequest request, String providerJobId) {
        throw new UnsupportedOperationException("answers at once");
    }

    @Override
    public void cancel(ProviderRequest request, String providerJobId) {
    }
}
