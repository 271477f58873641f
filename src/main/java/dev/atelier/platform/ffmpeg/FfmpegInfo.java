package dev.atelier.platform.ffmpeg;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warms the bundled ffmpeg up after start-up, and {@code GET /actuator/info} names the ffmpeg in use: {@code {"ffmpeg": {"version": "8.1.2",
 * "line": "ffmpeg version 8.1.2 Copyright …", "path": …}}}. Asked of the binary itself on the
 * first request (which unpacks it when no run has yet), then remembered.
 */
@Component
class FfmpegInfo implements InfoContributor {

    private static final Logger log = LoggerFactory.getLogger(FfmpegInfo.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private volatile Map<String, Object> known;

    /**
     * Unpacks (first start on this machine) and locates the binaries in the background once
     * Atelier serves: not needed to start, but the first render or upload should not wait.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread.ofPlatform().daemon().name("ffmpeg-warm-up").start(() -> {
            try {
                FfmpegBinaries.locate();
            } catch (FfmpegException e) {
                log.warn("The bundled ffmpeg is not usable: {}", e.getMessage());
            }
        });
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> details = known;
        if (details == null) {
            details = new LinkedHashMap<>();
            try {
                Ffmpeg ffmpeg = Ffmpeg.bundled();
                String line = ffmpeg.version(TIMEOUT);
                String[] words = line.split(" ");
                details.put("version", words.length > 2 && words[1].equals("version") ? words[2] : line);
                details.put("line", line);
                details.put("path", ffmpeg.ffmpegBinary().toString());
                known = details;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                details.put("error", "interrupted");
            } catch (Exception e) {
                details.put("error", String.valueOf(e.getMessage()));
            }
        }
        builder.withDetail("ffmpeg", details);
    }
}
