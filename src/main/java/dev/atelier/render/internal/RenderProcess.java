package dev.atelier.render.internal;

import dev.atelier.render.graph.Edit;
import dev.atelier.render.graph.Invocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;

/**
 * Runs one invocation in a work folder: writes its text files and graph, runs ffmpeg with
 * {@code -progress} into a file that a watcher reads twice a second, and returns when ffmpeg is
 * done. Interrupting the calling thread (a cancel) kills ffmpeg at once (the platform runner
 * destroys the process and waits for it); a deadline does the same.
 */
@Component
public class RenderProcess {

    private static final long WATCH_MS = 250;
    private final RenderTools tools;
    private final FontFiles fonts;

    RenderProcess(RenderTools tools, FontFiles fonts) {
        this.tools = tools;
        this.fonts = fonts;
    }

    public void run(Invocation invocation, Function<Edit.Media, Path> media, Path work, Path target,
            Duration timeout, LongConsumer outTimeMicros) throws IOException, InterruptedException {
        for (Map.Entry<String, String> file : invocation.files().entrySet()) {
            Files.writeString(work.resolve(file.getKey()), file.getValue());
        }
        Files.writeString(work.resolve(Invocation.GRAPH_FILE), invocation.boundGraph(work, fonts::file));
        List<String> args = new ArrayList<>(List.of("-progress", "pipe:1", "-nostats", "-stats_period", "0.5"));
        args.addAll(invocation.arguments(media, work, target, tools.encoders()));
        Path progress = work.resolve("progress.txt");
        Thread watcher = Thread.ofVirtual().name("render-progress").start(() -> watch(progress, outTimeMicros));
        try {
            tools.ffmpeg().runToFile(args, timeout, progress);
        } finally {
            watcher.interrupt();
            watcher.join(Duration.ofSeconds(2));
        }
        report(progress, outTimeMicros);
    }

    private static void watch(Path progress, LongConsumer outTimeMicros) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(WATCH_MS);
                report(progress, outTimeMicros);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | IOException e) {
                // a progress report is worth nothing next to the render itself
            }
        }
    }

    private static void report(Path progress, LongConsumer outTimeMicros) throws IOException {
        try {
            String text = Files.readString(progress);
            String tail = text.length() <= 2000 ? text : text.substring(text.indexOf('\n', text.length() - 2000) + 1);
            Progress.outTimeMicros(tail).ifPresent(outTimeMicros);
        } catch (NoSuchFileException notYet) {
            // ffmpeg has not written anything yet
        }
    }
}
