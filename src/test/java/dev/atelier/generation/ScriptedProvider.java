package dev.atelier.generation;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A provider that answers like a remote one, following a script per prompt: each submit and poll
 * takes the next answer. {@link #BLOCK} makes a call wait until interrupted or released.
 * Registered with the catalog as model {@code test/scripted} (image, 3 credits per output).
 */
@TestComponent
public class ScriptedProvider implements GenerationProvider {

    public static final String MODEL = "test/scripted";
    public static final long PRICE = 3;
    public static final Object BLOCK = new Object();

    private final Map<String, Deque<Object>> scripts = new ConcurrentHashMap<>();
    public final List<String> canceled = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final AtomicInteger calls = new AtomicInteger();
    public volatile CountDownLatch release = new CountDownLatch(1);
    public volatile CountDownLatch blocked = new CountDownLatch(1);

    public ScriptedProvider(JdbcClient jdbc) {
        jdbc.sql("""
                insert into catalog_models (id, kind, provider, name, description, enabled, prompt_max_length,
                    parameters, price_unit, price_credits, price_minimum, updated_at, inputs)
                values ('test/scripted', 'image', 'scripted', 'Scripted', 'A test provider', true, 1000, '[]',
                    'per_output', :price, :price, now(), '{"image": 4, "video": 1, "audio": 1}')
                on conflict (id) do nothing""").param("price", PRICE).update();
    }

    /** The answers for jobs with this prompt, in order (Submission first, then PollResults). */
    public void script(String prompt, Object... answers) {
        scripts.put(prompt, new ConcurrentLinkedDeque<>(List.of(answers)));
    }

    @Override
    public String id() {
        return "scripted";
    }

    @Override
    public Submission submit(ProviderRequest request) {
        return (Submission) next(request);
    }

    @Override
    public PollResult poll(ProviderRequest request, String providerJobId) {
        return (PollResult) next(request);
    }

    @Override
    public void cancel(ProviderRequest request, String providerJobId) {
        canceled.add(request.prompt());
    }

    private Object next(ProviderRequest request) {
        calls.incrementAndGet();
        Deque<Object> script = scripts.get(request.prompt());
        Object answer = script == null ? null : script.poll();
        if (answer == null) {
            throw new IllegalStateException("no scripted answer left for " + request.prompt());
        }
        if (answer instanceof Reports reports) {
            for (int percent : reports.percents()) {
                request.progress().report(percent);
            }
            return next(request);
        }
        if (answer == BLOCK) {
            blocked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("interrupted");
            }
            return next(request);
        }
        return answer;
    }

    /** An answer that reports these percentages through the request's progress, then takes the next answer. */
    public record Reports(int... percents) {
    }

    public static Reports reports(int... percents) {
        return new Reports(percents);
    }

    public static Submission.Accepted accepted(String jobId) {
        return new Submission.Accepted(jobId, Duration.ofMillis(100));
    }

    public static PollResult.Running running(int progress) {
        return new PollResult.Running(progress, Duration.ofMillis(100));
    }

    public static Submission.Completed doneNow() {
        return new Submission.Completed(List.of(picture()));
    }

    public static PollResult.Completed done() {
        return new PollResult.Completed(List.of(picture()));
    }

    public static PollResult.Completed nothing() {
        return new PollResult.Completed(new ArrayList<>());
    }

    public static PollResult.Failed transientFailure() {
        return new PollResult.Failed(ProviderFailure.transientFailure("provider_busy", "try later", Duration.ofMillis(100)));
    }

    public static PollResult.Failed permanentFailure() {
        return new PollResult.Failed(ProviderFailure.permanent("content_filtered", "The prompt was refused"));
    }

    /** A real PNG, so the media library accepts it. */
    public static ProviderOutput picture() {
        try {
            Path file = Files.createTempFile("scripted-", ".png");
            ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
            return new ProviderOutput.LocalFile(file, "image/png");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
