package dev.atelier.render.graph;

import java.util.ArrayList;
import java.util.List;

/** The encoder settings of each kind of output, chosen from what the binary offers. */
final class OutputOptions {

    private OutputOptions() {
    }

    static List<String> of(Output out, Encoders encoders, Window window, long frames) {
        List<String> args = new ArrayList<>(out.kind().picture() ? List.of("-map", "[vout]") : List.of());
        switch (out.kind()) {
            case JPEG -> args.addAll(List.of("-frames:v", "1", "-c:v", "mjpeg", "-q:v", "3", "-f", "image2"));
            case PNG -> args.addAll(List.of("-frames:v", "1", "-c:v", "png", "-f", "image2"));
            case PREVIEW_SEGMENT -> {
                args.addAll(List.of("-map", "[aout]"));
                args.addAll(h264(encoders, out, true, frames));
                // ffmpeg's AAC encoder by default costs a preview window about as much as its picture; its
                // fast coder without the mid/side search costs a third of that on every sound measured
                // (docs/render.md) and is still plain AAC-LC for every player
                args.addAll(List.of("-c:a", "aac", "-aac_coder", "fast", "-aac_ms", "0", "-b:a", "96k", "-ar", "48000",
                        "-ac", "2", "-output_ts_offset", FilterText.ms(window.fromMs()), "-muxdelay", "0", "-muxpreload", "0",
                        // windows render side by side (preview-parallelism), each on one core
                        "-threads", "1", "-filter_complex_threads", "1", "-f", "mpegts"));
            }
            case MP4 -> {
                args.addAll(List.of("-map", "[aout]"));
                args.addAll(h264(encoders, out, false, frames));
                args.addAll(List.of("-c:a", "aac", "-b:a", "160k", "-ar", "48000", "-ac", "2",
                        "-movflags", "+faststart", "-f", "mp4"));
            }
            case VIDEO_CHUNK -> {
                // exactly the export's video settings, so chunks join with -c copy into what one window makes
                args.addAll(h264(encoders, out, false, frames));
                args.addAll(List.of("-an", "-f", "mp4"));
            }
            case SOUND -> args.addAll(List.of("-map", "[aout]", "-vn", "-c:a", "aac", "-b:a", "160k", "-ar", "48000",
                    "-ac", "2", "-f", "mp4"));
            case WEBM -> {
                if (encoders.vp9() == null || encoders.opus() == null) {
                    throw new IllegalArgumentException("this ffmpeg has no VP9 or Opus encoder for WebM");
                }
                args.addAll(List.of("-map", "[aout]", "-c:v", encoders.vp9(), "-deadline", "realtime",
                        "-cpu-used", "8", "-row-mt", "1", "-b:v", bitrate(out), "-pix_fmt", "yuv420p",
                        "-c:a", encoders.opus(), "-b:a", "128k", "-ar", "48000", "-ac", "2", "-f", "webm"));
            }
        }
        return args;
    }

    private static List<String> h264(Encoders encoders, Output out, boolean preview, long frames) {
        if (encoders.h264() == null) {
            throw new IllegalArgumentException("this ffmpeg has no H.264 encoder");
        }
        List<String> args = new ArrayList<>(List.of("-c:v", encoders.h264(), "-pix_fmt", "yuv420p"));
        if (encoders.x264()) {
            args.addAll(preview ? List.of("-preset", "ultrafast", "-tune", "zerolatency", "-crf", "28")
                    : List.of("-preset", "veryfast", "-crf", "21"));
        } else {
            args.addAll(List.of("-b:v", bitrate(out)));
            if (preview) {
                args.addAll(List.of("-loopfilter", "0")); // as x264's ultrafast: no deblocking, ~10 % less encoding
            }
        }
        // a preview segment is one closed group of pictures: it starts with a key frame and stands alone
        long gop = preview ? Math.max(1, frames) : 2L * out.fps();
        args.addAll(List.of("-g", Long.toString(gop), "-r", Integer.toString(out.fps())));
        return args;
    }

    private static String bitrate(Output out) {
        long pixels = (long) out.width() * out.height();
        long kbps = pixels <= 640 * 360 ? 700 : pixels <= 854 * 480 ? 1500 : pixels <= 1280 * 720 ? 3500 : 7000;
        return kbps + "k";
    }
}
