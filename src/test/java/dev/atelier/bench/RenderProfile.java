package dev.atelier.bench;

import dev.atelier.platform.ffmpeg.Ffmpeg;
import dev.atelier.render.graph.Edit;
import dev.atelier.render.graph.Encoders;
import dev.atelier.render.graph.FilterGraph;
import dev.atelier.render.graph.Invocation;
import dev.atelier.render.graph.Output;
import dev.atelier.render.graph.Window;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * See bench/render/profile.sh: the bench's export timeline rendered by our graph and by the
 * hand-written command, straight through ffmpeg (no server, no library), alternating, with ffmpeg's
 * own {@code -benchmark} CPU and wall times; the 10-minute preview's windows read straight from the
 * sources ({@code preview}) or through proxies before and after the 2026-11-30 change
 * ({@code compare}). CPU seconds compare fairly even on a busy machine; wall seconds do not.
 */
public final class RenderProfile {

    private static final Pattern BENCH = Pattern.compile("bench: utime=([0-9.]+)s stime=([0-9.]+)s rtime=([0-9.]+)s");
    private static Path ffmpeg;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String variant = args.length > 1 ? args[1] : "";
        ffmpeg = Ffmpeg.bundled().ffmpegBinary();
        Path media = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "render-profile"));
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Path file = media.resolve("clip" + i + ".mp4");
            if (!Files.exists(file)) {
                run(List.of("-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30,hue=h=" + (i * 36), "-f", "lavfi",
                        "-i", "sine=frequency=" + (200 + 40 * i) + ":sample_rate=48000", "-t", "6", "-c:v", "libopenh264",
                        "-b:v", "3M", "-c:a", "aac", "-shortest", file.toString()));
            }
            sources.add(file);
        }
        Path music = media.resolve("music.m4a");
        if (!Files.exists(music)) {
            run(List.of("-f", "lavfi", "-i", "sine=frequency=330:sample_rate=48000", "-t", "60", "-af", "volume=0.3",
                    "-c:a", "aac", music.toString()));
        }
        Path font = media.resolve("DejaVuSans-Bold.ttf");
        try (var in = RenderProfile.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf")) {
            Files.copy(in, font, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, Path> files = new HashMap<>();
        List<Edit.Clip> clips = new ArrayList<>();
        List<Edit.Transition> transitions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            clips.add(new Edit.Clip("c" + i, media(files, sources.get(i), true, 6000), i * 4500L, 5000, 0, 1.0, true,
                    1.0, null));
            if (i > 0) {
                transitions.add(new Edit.Transition("c" + (i - 1), "c" + i, "crossfade", 500));
            }
        }
        long length = 45_500;
        Edit edit = new Edit(clips, transitions,
                List.of(new Edit.Caption("t1", "Atelier bench", "sans-bold", 64, "#ffffff", 0.5, 0.85, null, 0, 3000,
                        200, 200)),
                List.of(new Edit.Sound("m1", false, media(files, music, true, 60_000), 0, length, 0, false, 0.8, 0, 1500)),
                Edit.Ducking.OFF, 720);
        Encoders encoders = new Encoders("libopenh264", "libvpx-vp9", "libopus", true);
        Path work = Files.createTempDirectory(media, "work-");
        if (variant.contains("compare")) {
            compare(files, clips, edit.sounds().getFirst().media(), font, work, encoders, rounds);
            return;
        }
        if (variant.contains("preview")) {
            preview(files, clips, edit.sounds().getFirst().media(), font, work, encoders, rounds, variant);
            return;
        }
        Invocation ours = FilterGraph.build(edit, new Window(0, length), new Output(1280, 720, 30, Output.Kind.MP4),
                encoders);
        Files.writeString(work.resolve(Invocation.GRAPH_FILE), ours.boundGraph(work, id -> font));
        for (Map.Entry<String, String> f : ours.files().entrySet()) {
            Files.writeString(work.resolve(f.getKey()), f.getValue());
        }
        List<String> oursArgs = new ArrayList<>(ours.arguments(m -> files.get(m.sha256()), work,
                work.resolve("ours.mp4"), encoders));
        if (variant.contains("print")) {
            System.out.println(String.join(" ", oursArgs));
            System.out.println(Files.readString(work.resolve(Invocation.GRAPH_FILE)));
        }
        List<String> hand = handWritten(sources, music, font, length, work.resolve("hand.mp4"));
        double[] o = new double[3];
        double[] h = new double[3];
        for (int r = 0; r < rounds; r++) {
            add(h, run(hand));
            add(o, run(oursArgs));
        }
        System.out.printf(Locale.ROOT, "export graph, %d rounds alternating: ours cpu %.2f s wall %.2f s | hand cpu %.2f s"
                + " wall %.2f s | ratio cpu %.3f wall %.3f%n", rounds, o[0] / rounds, o[2] / rounds, h[0] / rounds,
                h[2] / rounds, o[0] / h[0], o[2] / h[2]);
    }

    /** The bench's 10-minute timeline: 120 five-second clips of the ten short sources over looped music. */
    private static Edit tenMinutes(List<Edit.Clip> shortClips, Edit.Media music) {
        List<Edit.Clip> clips = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            clips.add(new Edit.Clip("c" + i, shortClips.get(i % 10).media(), i * 5000L, 5000, 0, 1.0, true, 1.0, null));
        }
        return new Edit(clips, List.of(), List.of(), List.of(new Edit.Sound("m1", false, music, 0, 600_000, 0,
                true, 0.5, 0, 0)), Edit.Ducking.OFF, 720);
    }

    /** The bench's 10-minute preview: its first {@code count} windows one after another, and an empty ffmpeg. */
    private static void preview(Map<String, Path> files, List<Edit.Clip> shortClips, Edit.Media music, Path font,
            Path work, Encoders encoders, int count, String variant) throws Exception {
        Edit edit = tenMinutes(shortClips, music);
        double[] empty = new double[3];
        for (int i = 0; i < 5; i++) {
            add(empty, run(List.of("-f", "lavfi", "-i", "nullsrc=s=16x16", "-frames:v", "1", "-f", "null", "-")));
        }
        System.out.printf(Locale.ROOT, "an empty ffmpeg run: cpu %.3f s wall %.3f s%n", empty[0] / 5, empty[2] / 5);
        double[] sum = new double[3];
        int parallel = variant.contains("par") ? 2 : 1;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(parallel);
        List<java.util.concurrent.Future<double[]>> runs = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Invocation window = FilterGraph.build(edit, new Window(i * 4000L, i * 4000L + 4000),
                    new Output(640, 360, 15, Output.Kind.PREVIEW_SEGMENT), encoders);
            Files.writeString(work.resolve(Invocation.GRAPH_FILE), window.boundGraph(work, id -> font));
            Path own = Files.createDirectories(work.resolve("w" + i));
            Files.writeString(own.resolve(Invocation.GRAPH_FILE), window.boundGraph(own, id -> font));
            List<String> args = new ArrayList<>(window.arguments(m -> files.get(m.sha256()), own,
                    own.resolve("w.ts"), encoders));
            if (variant.contains("tuned")) {
                for (int k = args.size() - 1; k >= 0; k--) {
                    if (args.get(k).equals("-protocol_whitelist")) {
                        args.addAll(k, List.of("-threads", "1", "-skip_loop_filter", "all", "-flags2", "fast"));
                    }
                }
                args.addAll(args.size() - 1, List.of("-threads", "1"));
                args.addAll(0, List.of("-filter_complex_threads", "1"));
            }
            if (i == 0 && variant.contains("print")) {
                System.out.println(String.join(" ", args));
                System.out.println(Files.readString(work.resolve(Invocation.GRAPH_FILE)));
            }
            runs.add(pool.submit(() -> run(args)));
        }
        for (var r : runs) {
            add(sum, r.get());
        }
        pool.shutdown();
        double wall = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%d preview windows one after another: cpu %.3f s wall %.3f s per window"
                + " (%.1fx real time, %d at once)%n", count, sum[0] / count, sum[2] / count, count * 4 / wall, parallel);
    }

    /**
     * The bench's 10-minute preview as the server renders it (sources read through proxies), before
     * and after the change of 2026-11-30 (docs/render.md), alternating window by window so both see
     * the same load: before = H.264 proxies at the source's 30 fps and ffmpeg's default AAC coder and
     * deblocking; after = MPEG-4 part 2 proxies at the preview's 15 fps, the AAC fast coder without
     * mid/side stereo, no deblocking. The proxies are made as {@code Proxies} makes them.
     */
    private static void compare(Map<String, Path> files, List<Edit.Clip> shortClips, Edit.Media music, Path font,
            Path work, Encoders encoders, int count) throws Exception {
        Map<String, Path> before = new HashMap<>();
        Map<String, Path> after = new HashMap<>();
        double[] makeBefore = new double[3];
        double[] makeAfter = new double[3];
        for (Map.Entry<String, Path> file : files.entrySet()) {
            if (!file.getValue().getFileName().toString().startsWith("clip")) {
                before.put(file.getKey(), file.getValue());
                after.put(file.getKey(), file.getValue());
                continue;
            }
            Path old = work.resolve(file.getKey() + ".proxy-640x360.mkv");
            add(makeBefore, run(List.of("-threads", "1", "-i", file.getValue().toString(), "-map", "0:v:0", "-map", "0:a:0?",
                    "-vf", "scale=640:360", "-c:v", "libopenh264", "-b:v", "2M", "-g", "15", "-threads", "1", "-c:a", "copy",
                    "-f", "matroska", old.toString())));
            before.put(file.getKey(), old);
            Path now = work.resolve(file.getKey() + ".proxy-640x360-15fps.mkv");
            add(makeAfter, run(List.of("-threads", "1", "-i", file.getValue().toString(), "-map", "0:v:0", "-map", "0:a:0?",
                    "-vf", "fps=15,scale=640:360", "-c:v", "mpeg4", "-q:v", "3", "-g", "15", "-threads", "1", "-c:a", "copy",
                    "-f", "matroska", now.toString())));
            after.put(file.getKey(), now);
        }
        System.out.printf(Locale.ROOT, "making a proxy of a 6 s 720p source: before cpu %.3f s, after cpu %.3f s%n",
                makeBefore[0] / 10, makeAfter[0] / 10);
        Edit edit = tenMinutes(shortClips, music);
        double[] sumBefore = new double[3];
        double[] sumAfter = new double[3];
        for (int i = 0; i < count; i++) {
            Invocation window = FilterGraph.build(edit, new Window(i * 4000L, i * 4000L + 4000),
                    new Output(640, 360, 15, Output.Kind.PREVIEW_SEGMENT), encoders);
            Path own = Files.createDirectories(work.resolve("c" + i));
            Files.writeString(own.resolve(Invocation.GRAPH_FILE), window.boundGraph(own, id -> font));
            List<String> now = window.arguments(m -> after.get(m.sha256()), own, own.resolve("after.ts"), encoders);
            List<String> old = new ArrayList<>(window.arguments(m -> before.get(m.sha256()), own, own.resolve("before.ts"),
                    encoders));
            for (String option : List.of("-aac_coder", "-aac_ms", "-loopfilter")) {
                int at = old.indexOf(option);
                old.remove(at + 1);
                old.remove(at);
            }
            add(sumBefore, run(old));
            add(sumAfter, run(now));
        }
        System.out.printf(Locale.ROOT, "%d preview windows through proxies, alternating: before cpu %.3f s, after cpu %.3f s"
                + " per window (%.2fx)%n", count, sumBefore[0] / count, sumAfter[0] / count, sumAfter[0] / sumBefore[0]);
    }

    private static void add(double[] sum, double[] one) {
        sum[0] += one[0] + one[1];
        sum[1] += one[1];
        sum[2] += one[2];
    }

    private static Edit.Media media(Map<String, Path> files, Path file, boolean sound, long ms) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        files.put(sha, file);
        return new Edit.Media(sha, false, sound, ms);
    }

    /** The bench timeline as a person would write it: one ffmpeg command, the same encoder and settings. */
    static List<String> handWritten(List<Path> sources, Path musicFile, Path font, long length, Path target) {
        List<String> args = new ArrayList<>();
        for (Path source : sources) {
            args.addAll(List.of("-t", "5", "-i", source.toString()));
        }
        args.addAll(List.of("-i", musicFile.toString()));
        StringBuilder graph = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            graph.append("[").append(i).append(":v]fps=30,scale=1280:720,setsar=1,format=yuv420p[v").append(i).append("];");
            graph.append("[").append(i).append(":a]aresample=48000,aformat=channel_layouts=stereo[a").append(i).append("];");
        }
        String v = "v0";
        String a = "a0";
        for (int i = 1; i < 10; i++) {
            graph.append("[").append(v).append("][v").append(i).append("]xfade=transition=fade:duration=0.5:offset=")
                    .append(String.format(Locale.ROOT, "%.1f", i * 4.5)).append("[x").append(i).append("];");
            graph.append("[").append(a).append("][a").append(i).append("]acrossfade=d=0.5[y").append(i).append("];");
            v = "x" + i;
            a = "y" + i;
        }
        graph.append("[").append(v).append("]drawtext=fontfile=").append(font).append(":text='Atelier bench'")
                .append(":fontsize=64:fontcolor=white:x=w/2-text_w/2:y=h*0.85-text_h/2:enable='between(t,0,3)'[vout];");
        graph.append("[10:a]volume=0.8,afade=t=out:st=").append(String.format(Locale.ROOT, "%.1f", length / 1000.0 - 1.5))
                .append(":d=1.5[m];[").append(a).append("][m]amix=inputs=2:normalize=0:duration=first,")
                .append("loudnorm=I=-16:TP=-1.5:LRA=11,aresample=48000[aout]");
        args.addAll(List.of("-filter_complex", graph.toString(), "-map", "[vout]", "-map", "[aout]",
                "-c:v", "libopenh264", "-b:v", "3500k", "-g", "60", "-c:a", "aac", "-b:a", "160k",
                "-movflags", "+faststart", target.toString()));
        return args;
    }

    /** Runs ffmpeg with -benchmark; answers {user cpu, system cpu, wall} seconds. */
    static double[] run(List<String> args) throws IOException, InterruptedException {
        long started = System.nanoTime();
        double[] times = benchmark(args);
        times[2] = (System.nanoTime() - started) / 1e9; // wall from process start to reaped
        return times;
    }

    private static double[] benchmark(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-y", "-benchmark"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LD_LIBRARY_PATH", ffmpeg.getParent().toString()); // its libraries sit beside it
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(Duration.ofMinutes(10).toSeconds(), java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + out.substring(Math.max(0, out.length() - 2000)));
        }
        Matcher m = BENCH.matcher(out);
        double[] found = null;
        while (m.find()) {
            found = new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3))};
        }
        return found;
    }
}
