package dev.atelier.compat.internal;

import dev.atelier.platform.ffmpeg.Ffmpeg;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * OpenAI's speech {@code response_format}s made from a stored recording with the bundled ffmpeg,
 * with {@code speed} applied as tempo (pitch kept). A format whose encoder this ffmpeg lacks is
 * refused up front, naming the ones it has.
 */
final class SpeechFormats {

    record Format(String name, String encoder, String container, String contentType, List<String> extra) {
    }

    static final Map<String, Format> FORMATS = Map.of(
            "mp3", new Format("mp3", "libmp3lame", "mp3", "audio/mpeg", List.of("-b:a", "128k")),
            "opus", new Format("opus", "libopus", "ogg", "audio/ogg", List.of("-b:a", "64k")),
            "aac", new Format("aac", "aac", "adts", "audio/aac", List.of("-b:a", "128k")),
            "flac", new Format("flac", "flac", "flac", "audio/flac", List.of()),
            "wav", new Format("wav", "pcm_s16le", "wav", "audio/wav", List.of()),
            // OpenAI's pcm: raw 16-bit little-endian samples, 24 kHz, mono
            "pcm", new Format("pcm", "pcm_s16le", "s16le", "application/octet-stream", List.of("-ar", "24000", "-ac", "1")));

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static volatile Set<String> encoders;

    private SpeechFormats() {
    }

    /** The format asked for (mp3 when none), if this ffmpeg can make it. */
    static Format of(String name, Ffmpeg ffmpeg) {
        String asked = name == null || name.isBlank() ? "mp3" : name.strip().toLowerCase(Locale.ROOT);
        Format format = FORMATS.get(asked);
        if (format == null) {
            throw ImageRequests.invalid("response_format", "response_format must be one of mp3, opus, aac, flac, wav, pcm");
        }
        Set<String> encoders = encoders(ffmpeg);
        if (!encoders.contains(format.encoder())) {
            List<String> offered = FORMATS.values().stream().filter(f -> encoders.contains(f.encoder()))
                    .map(Format::name).sorted().toList();
            throw ImageRequests.invalid("response_format", "response_format " + asked
                    + " is not offered by this server; use one of " + String.join(", ", offered));
        }
        return format;
    }

    static double speed(Double speed) {
        double value = speed == null ? 1.0 : speed;
        if (!(value >= 0.25 && value <= 4.0)) {
            throw ImageRequests.invalid("speed", "speed must be between 0.25 and 4.0");
        }
        return value;
    }

    static void convert(Ffmpeg ffmpeg, Path source, Format format, double speed, Path target)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-i", source.toString(), "-vn"));
        if (speed != 1.0) {
            args.addAll(List.of("-af", tempo(speed)));
        }
        args.addAll(List.of("-c:a", format.encoder()));
        args.addAll(format.extra());
        args.addAll(List.of("-f", format.container(), target.toString()));
        ffmpeg.run(args, TIMEOUT);
    }

    /** atempo takes 0.5–2 per stage in every ffmpeg: chain stages for the rest. */
    static String tempo(double speed) {
        List<String> stages = new ArrayList<>();
        double left = speed;
        while (left > 2.0) {
            stages.add("atempo=2.0");
            left /= 2.0;
        }
        while (left < 0.5) {
            stages.add("atempo=0.5");
            left /= 0.5;
        }
        stages.add(String.format(Locale.ROOT, "atempo=%.6f", left));
        return String.join(",", stages);
    }

    /** Listed once per JVM: the bundled binaries never change while Atelier runs. */
    private static Set<String> encoders(Ffmpeg ffmpeg) {
        Set<String> known = encoders;
        if (known == null) {
            try {
                known = ffmpeg.encoders(Duration.ofSeconds(30));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while listing encoders", e);
            }
            encoders = known;
        }
        return known;
    }
}
