package dev.atelier.render.graph;

import static dev.atelier.render.graph.FilterText.ms;
import static dev.atelier.render.graph.FilterText.number;
import static dev.atelier.render.graph.FilterText.seconds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The heart of rendering, and pure: (timeline, window, output) → one ffmpeg invocation with one
 * filter graph. Nothing here touches a file, a clock or the network.
 *
 * <p>How a window is cut: it is first widened so that no transition straddles its edges (a
 * transition is rendered whole or not at all), then every video clip overlapping it becomes one
 * piece normalised to exactly its number of frames (scale with crop or pad, fps, pixel format,
 * 48 kHz stereo audio padded or cut to the same length, silence where a clip has none); pieces
 * joined by transitions become groups chained with {@code xfade}/{@code acrossfade} (offsets add
 * up: Σ earlier lengths − Σ earlier fades); groups and black, silent gaps are concatenated; text is
 * drawn on top; audio tracks are mixed under it (music ducked while a voice-over plays); finally
 * the widened result is trimmed back to the window. Lengths are counted in frames of the output
 * rate, computed from timeline times by one rounding rule, so pieces add up without drift, and
 * sound is counted in samples (48000 / fps per frame), so it never drifts from the picture.
 */
public final class FilterGraph {

    /** Bumped whenever the graph for the same timeline changes: old cached preview windows then miss. */
    public static final String VERSION = "render-graph-1";

    static final Set<String> TRANSITIONS = Set.of("crossfade", "fadeblack", "wipeleft", "wiperight",
            "slideleft", "slideright");
    private static final String AUDIO_FORMAT = "aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo";
    private static final double DUCK_RAMP_SECONDS = 0.2;

    private final Edit edit;
    private final Output out;
    private final Encoders encoders;
    private final List<Invocation.Input> inputs = new ArrayList<>();
    private final List<String> chains = new ArrayList<>();
    private final Map<String, String> files = new LinkedHashMap<>();
    private int labels;

    private FilterGraph(Edit edit, Output out, Encoders encoders) {
        this.edit = edit;
        this.out = out;
        this.encoders = encoders;
    }

    /**
     * The invocation that renders {@code window} of {@code edit}. The window is cut to the
     * timeline's length; one that starts at or after the end is an error.
     */
    public static Invocation build(Edit edit, Window window, Output output, Encoders encoders) {
        Timing.check(edit);
        long length = edit.lengthMs();
        if (window.fromMs() >= length) {
            throw new IllegalArgumentException("the window starts at " + window.fromMs()
                    + " ms, past the timeline's end at " + length + " ms");
        }
        Window cut = new Window(window.fromMs(), Math.min(window.toMs(), length));
        return new FilterGraph(edit, output, encoders).render(cut);
    }

    private Invocation render(Window window) {
        Window wide = Timing.widen(edit, window);
        List<Timing.Piece> pieces = Timing.pieces(edit, wide).stream()
                .filter(piece -> frames(piece.fromMs(), piece.toMs()) > 0).toList();
        String video = video(wide, pieces);
        long startFrame = out.frameAt(window.fromMs()) - out.frameAt(wide.fromMs());
        long endFrame = out.frameAt(window.toMs()) - out.frameAt(wide.fromMs());
        if (endFrame <= startFrame) {
            throw new IllegalArgumentException("the window " + window + " is shorter than one frame");
        }
        if (out.kind().picture()) {
            chains.add("[" + text(wide, video) + "]trim=start_frame=" + startFrame + ":end_frame=" + endFrame
                    + ",setpts=PTS-STARTPTS[vout]");
        }
        if (out.kind().sound()) {
            String audio = audio(wide, pieces);
            long spf = out.samplesPerFrame();
            chains.add("[" + audio + "]atrim=start_sample=" + startFrame * spf + ":end_sample=" + endFrame * spf
                    + ",asetpts=PTS-STARTPTS[aout]");
        }
        return new Invocation(inputs, String.join(";\n", chains), files,
                OutputOptions.of(out, encoders, window, endFrame - startFrame));
    }

    // ---- video ----

    private String video(Window wide, List<Timing.Piece> pieces) {
        List<String> items = new ArrayList<>();
        List<String> audioItems = new ArrayList<>();
        long cursor = wide.fromMs();
        int i = 0;
        while (i < pieces.size()) {
            Timing.Piece first = pieces.get(i);
            if (first.fromMs() > cursor) {
                gap(cursor, first.fromMs(), items, audioItems);
            }
            // a group: this piece and every following one joined to it by a transition
            String[] joined = piece(first);
            long groupFrames = frames(first.fromMs(), first.toMs());
            long groupEnd = first.toMs();
            int j = i + 1;
            while (j < pieces.size() && pieces.get(j).transitionIn() != null) {
                Timing.Piece next = pieces.get(j);
                Edit.Transition t = next.transitionIn();
                String[] incoming = piece(next);
                long fadeFrames = frames(next.fromMs(), groupEnd);
                String v = label("x");
                String a = label("xa");
                if (out.kind().picture()) {
                    chains.add("[" + joined[0] + "][" + incoming[0] + "]xfade=transition=" + xfade(t.type())
                            + ":duration=" + seconds((double) fadeFrames / out.fps())
                            + ":offset=" + seconds((double) (groupFrames - fadeFrames) / out.fps()) + "[" + v + "]");
                }
                if (out.kind().sound()) {
                    chains.add("[" + joined[1] + "][" + incoming[1] + "]acrossfade=ns="
                            + fadeFrames * out.samplesPerFrame() + "[" + a + "]");
                }
                joined = new String[] {v, a};
                groupFrames += frames(next.fromMs(), next.toMs()) - fadeFrames;
                groupEnd = next.toMs();
                j++;
            }
            items.add(joined[0]);
            audioItems.add(joined[1]);
            cursor = groupEnd;
            i = j;
        }
        if (cursor < wide.toMs()) {
            gap(cursor, wide.toMs(), items, audioItems);
        }
        String v = label("v");
        boolean sound = out.kind().sound();
        clipAudio = sound ? label("ca") : null;
        boolean picture = out.kind().picture();
        if (items.size() == 1) {
            if (picture) {
                chains.add("[" + items.getFirst() + "]null[" + v + "]");
            }
            if (sound) {
                chains.add("[" + audioItems.getFirst() + "]anull[" + clipAudio + "]");
            }
        } else {
            StringBuilder concat = new StringBuilder();
            for (int k = 0; k < items.size(); k++) {
                if (picture) {
                    concat.append('[').append(items.get(k)).append(']');
                }
                if (sound) {
                    concat.append('[').append(audioItems.get(k)).append(']');
                }
            }
            chains.add(concat + "concat=n=" + items.size() + ":v=" + (picture ? 1 : 0) + ":a=" + (sound ? 1 : 0)
                    + (picture ? "[" + v + "]" : "") + (sound ? "[" + clipAudio + "]" : ""));
        }
        return v;
    }

    private String clipAudio;

    /** One clip's part, normalised: [video label, audio label], exactly its frames and samples long. */
    private String[] piece(Timing.Piece piece) {
        Edit.Clip clip = piece.clip();
        long frames = frames(piece.fromMs(), piece.toMs());
        long samples = frames * out.samplesPerFrame();
        long offsetMs = piece.fromMs() - clip.startMs();
        int index = inputs.size();
        Edit.Media media = clip.media();
        double sourceSeconds = (piece.toMs() - piece.fromMs()) * clip.speed() / 1000.0;
        String v = label("p");
        String a = label("pa");
        double seek = (clip.trimInMs() + offsetMs * clip.speed()) / 1000.0;
        boolean heard = out.kind().sound() && media.hasAudio() && !media.image() && clip.volume() > 0;
        if (!out.kind().picture()) {
            if (heard) { // the sound alone: the same input, its picture never decoded
                inputs.add(new Invocation.Input(List.of("-ss", seconds(seek),
                        "-t", seconds(sourceSeconds + 2.0 / out.fps())), media));
            }
        } else if (media.image()) {
            if (clip.motion() != null) {
                inputs.add(new Invocation.Input(List.of(), media));
                chains.add("[" + index + ":v]" + fit(2 * out.width(), 2 * out.height(), clip.cover())
                        + "," + zoompan(clip, offsetMs, frames) + ",setsar=1,format=yuv420p,"
                        + padAndCut(frames) + "[" + v + "]");
            } else {
                inputs.add(new Invocation.Input(List.of("-loop", "1", "-framerate", Integer.toString(out.fps()),
                        "-t", seconds(sourceSeconds + 2.0 / out.fps())), media));
                chains.add("[" + index + ":v]fps=" + out.fps() + "," + fit(out.width(), out.height(), clip.cover())
                        + ",setsar=1,format=yuv420p," + padAndCut(frames) + "[" + v + "]");
            }
        } else {
            List<String> options = new ArrayList<>(previewDecoding());
            options.addAll(List.of("-ss", seconds(seek), "-t", seconds(sourceSeconds + 2.0 / out.fps())));
            inputs.add(new Invocation.Input(options, media));
            String speed = clip.speed() == 1.0 ? "PTS-STARTPTS" : "(PTS-STARTPTS)/" + number(clip.speed());
            chains.add("[" + index + ":v]setpts=" + speed + ",fps=" + out.fps() + ","
                    + fit(out.width(), out.height(), clip.cover()) + ",setsar=1,format=yuv420p,"
                    + padAndCut(frames) + "[" + v + "]");
        }
        if (out.kind().sound()) {
            if (heard) {
                chains.add("[" + index + ":a]asetpts=PTS-STARTPTS," + atempo(clip.speed()) + AUDIO_FORMAT
                        + ",volume=" + number(clip.volume()) + ",apad,atrim=end_sample=" + samples
                        + ",asetpts=PTS-STARTPTS[" + a + "]");
            } else {
                silence(samples, a);
            }
        }
        return new String[] {v, out.kind().sound() ? a : null};
    }

    /**
     * A preview decodes its (trusted, already accepted) sources the cheap way: one thread (windows
     * render side by side, one per core), no deblocking and the decoder's fast paths. Decoding 720p
     * or 1080p sources is most of a preview window's cost, and the picture is scaled down after.
     */
    private List<String> previewDecoding() {
        return out.kind() == Output.Kind.PREVIEW_SEGMENT
                ? List.of("-threads", "1", "-skip_loop_filter", "all", "-flags2", "fast") : List.of();
    }

    private void gap(long fromMs, long toMs, List<String> items, List<String> audioItems) {
        long frames = frames(fromMs, toMs);
        if (frames <= 0) {
            return;
        }
        String v = label("g");
        String a = label("ga");
        if (out.kind().picture()) {
            chains.add("color=c=black:s=" + out.width() + "x" + out.height() + ":r=" + out.fps()
                + ",setsar=1,format=yuv420p,trim=end_frame=" + frames + ",setpts=PTS-STARTPTS[" + v + "]");
        }
        if (out.kind().sound()) {
            silence(frames * out.samplesPerFrame(), a);
        }
        items.add(v);
        audioItems.add(out.kind().sound() ? a : null);
    }

    private void silence(long samples, String label) {
        chains.add("anullsrc=r=48000:cl=stereo,aformat=sample_fmts=fltp:channel_layouts=stereo,atrim=end_sample="
                + samples + ",asetpts=PTS-STARTPTS[" + label + "]");
    }

    /** Exactly {@code frames} frames: a short source repeats its last frame, a long one is cut. */
    private static String padAndCut(long frames) {
        return "tpad=stop_mode=clone:stop=" + frames + ",trim=end_frame=" + frames + ",setpts=PTS-STARTPTS";
    }

    private static String fit(int width, int height, boolean cover) {
        return cover
                ? "scale=" + width + ":" + height + ":force_original_aspect_ratio=increase,crop=" + width + ":" + height
                : "scale=" + width + ":" + height + ":force_original_aspect_ratio=decrease,pad=" + width + ":" + height
                        + ":(ow-iw)/2:(oh-ih)/2:color=black";
    }

    /** The zoom and focus move linearly over the whole clip; a part starts where the clip is by then. */
    private String zoompan(Edit.Clip clip, long offsetMs, long frames) {
        Edit.Motion m = clip.motion();
        long total = Math.max(2, frames(clip.startMs(), clip.endMs()));
        long skip = out.frameAt(clip.startMs() + offsetMs) - out.frameAt(clip.startMs());
        String p = "((on+" + skip + ")/" + (total - 1) + ")";
        String zoom = lerp(m.zoomFrom(), m.zoomTo(), p);
        String cx = lerp(m.xFrom(), m.xTo(), p);
        String cy = lerp(m.yFrom(), m.yTo(), p);
        return "zoompan=z='" + zoom + "':x='max(0,min(iw-iw/zoom,iw*" + cx + "-iw/zoom/2))'"
                + ":y='max(0,min(ih-ih/zoom,ih*" + cy + "-ih/zoom/2))'"
                + ":d=" + frames + ":s=" + out.width() + "x" + out.height() + ":fps=" + out.fps();
    }

    private static String lerp(double from, double to, String progress) {
        return from == to ? number(from) : "(" + number(from) + "+" + number(to - from) + "*" + progress + ")";
    }

    /** atempo takes 0.5..100 per instance: 0.25 is two halves. */
    private static String atempo(double speed) {
        if (speed == 1.0) {
            return "";
        }
        StringBuilder chain = new StringBuilder();
        double left = speed;
        while (left < 0.5) {
            chain.append("atempo=0.5,");
            left /= 0.5;
        }
        return chain.append("atempo=").append(number(left)).append(',').toString();
    }

    private static String xfade(String type) {
        return switch (type) {
            case "crossfade" -> "fade";
            case "fadeblack", "wipeleft", "wiperight", "slideleft", "slideright" -> type;
            default -> throw new IllegalArgumentException("unknown transition " + type);
        };
    }

    // ---- text ----

    private String text(Window wide, String video) {
        String current = video;
        int n = 0;
        for (Edit.Caption caption : edit.captions()) {
            if (caption.endMs() <= wide.fromMs() || caption.startMs() >= wide.toMs()) {
                continue;
            }
            String file = "text-" + n++ + ".txt";
            files.put(file, caption.text());
            double scale = (double) out.height() / Math.max(1, edit.projectHeight());
            double a = (caption.startMs() - wide.fromMs()) / 1000.0;
            double b = (caption.endMs() - wide.fromMs()) / 1000.0;
            StringBuilder draw = new StringBuilder("drawtext=fontfile={{font:" + fontId(caption.font()) + "}}")
                    .append(":textfile={{work}}/").append(file)
                    .append(":expansion=none:fontsize=").append(Math.max(1, Math.round(caption.sizePx() * scale)))
                    .append(":fontcolor=").append(FilterText.color(caption.color()))
                    .append(":x='w*").append(number(caption.x())).append("-text_w/2'")
                    .append(":y='h*").append(number(caption.y())).append("-text_h/2'")
                    .append(":enable='between(t,").append(seconds(a)).append(',').append(seconds(b)).append(")'");
            String alpha = alpha(a, b, caption.fadeInMs() / 1000.0, caption.fadeOutMs() / 1000.0);
            if (alpha != null) {
                draw.append(":alpha='").append(alpha).append('\'');
            }
            if (caption.box() != null) {
                draw.append(":box=1:boxcolor=").append(FilterText.color(caption.box().color())).append('@')
                        .append(number(caption.box().opacity()))
                        .append(":boxborderw=").append(Math.max(0, Math.round(caption.box().paddingPx() * scale)));
            }
            String next = label("t");
            chains.add("[" + current + "]" + draw + "[" + next + "]");
            current = next;
        }
        return current;
    }

    private static String fontId(String font) {
        if (font == null || !font.matches("[a-z0-9-]{1,32}")) {
            throw new IllegalArgumentException("bad font id " + font);
        }
        return font;
    }

    private static String alpha(double a, double b, double fadeIn, double fadeOut) {
        if (fadeIn <= 0 && fadeOut <= 0) {
            return null;
        }
        String in = fadeIn > 0 ? "min(1,max(0,(t-" + seconds(a) + ")/" + seconds(fadeIn) + "))" : "1";
        String outFade = fadeOut > 0 ? "min(1,max(0,(" + seconds(b) + "-t)/" + seconds(fadeOut) + "))" : "1";
        return "min(" + in + "," + outFade + ")";
    }

    // ---- audio ----

    private String audio(Window wide, List<Timing.Piece> pieces) {
        long totalSamples = frames(wide.fromMs(), wide.toMs()) * out.samplesPerFrame();
        List<String> music = new ArrayList<>();
        List<String> voice = new ArrayList<>();
        List<double[]> voiceSpans = new ArrayList<>();
        for (Edit.Sound sound : edit.sounds()) {
            if (sound.endMs() <= wide.fromMs() || sound.startMs() >= wide.toMs()) {
                continue;
            }
            (sound.voiceover() ? voice : music).add(sound(sound, wide));
            if (sound.voiceover()) {
                voiceSpans.add(new double[] {(sound.startMs() - wide.fromMs()) / 1000.0,
                        (sound.endMs() - wide.fromMs()) / 1000.0});
            }
        }
        List<String> buses = new ArrayList<>();
        buses.add(clipAudio);
        String musicBus = mix(music);
        if (musicBus != null) {
            if (edit.ducking().enabled() && !voiceSpans.isEmpty()) {
                String ducked = label("duck");
                chains.add("[" + musicBus + "]volume=eval=frame:volume='" + duck(voiceSpans, edit.ducking().db())
                        + "'[" + ducked + "]");
                musicBus = ducked;
            }
            buses.add(musicBus);
        }
        String voiceBus = mix(voice);
        if (voiceBus != null) {
            buses.add(voiceBus);
        }
        String mixed = mix(buses);
        String finished = label("am");
        String loudness = out.kind().finished()
                ? "loudnorm=I=-16:TP=-1.5:LRA=11," + AUDIO_FORMAT + "," : "";
        chains.add("[" + mixed + "]" + loudness + "apad,atrim=end_sample=" + totalSamples + ",asetpts=PTS-STARTPTS["
                + finished + "]");
        return finished;
    }

    /** One audio clip's part in the widened window, delayed to its place, with fades in its own time. */
    private String sound(Edit.Sound sound, Window wide) {
        long from = Math.max(sound.startMs(), wide.fromMs());
        long to = Math.min(sound.endMs(), wide.toMs());
        long offset = from - sound.startMs();
        long position = sound.trimInMs() + offset;
        List<String> options = new ArrayList<>();
        if (sound.loop()) {
            long firstPass = sound.media().durationMs() - sound.trimInMs();
            if (offset >= firstPass && sound.media().durationMs() > 0) {
                position = (offset - firstPass) % sound.media().durationMs(); // later passes play the whole source
            }
            options.addAll(List.of("-stream_loop", "-1"));
        }
        options.addAll(List.of("-ss", ms(position), "-t", ms(to - from + 100)));
        int index = inputs.size();
        inputs.add(new Invocation.Input(options, sound.media()));
        double tau0 = offset / 1000.0;
        List<String> factors = new ArrayList<>();
        factors.add(number(sound.volume()));
        if (sound.fadeInMs() > 0) {
            factors.add("min(1,max(0,(t+" + seconds(tau0) + ")/" + ms(sound.fadeInMs()) + "))");
        }
        if (sound.fadeOutMs() > 0) {
            factors.add("min(1,max(0,(" + ms(sound.durationMs()) + "-t-" + seconds(tau0) + ")/"
                    + ms(sound.fadeOutMs()) + "))");
        }
        long samples = (to - from) * 48;
        long delay = (from - wide.fromMs()) * 48;
        String label = label("s");
        chains.add("[" + index + ":a]asetpts=PTS-STARTPTS," + AUDIO_FORMAT + ",volume=eval=frame:volume='"
                + String.join("*", factors) + "',apad,atrim=end_sample=" + samples + ",asetpts=PTS-STARTPTS"
                + (delay > 0 ? ",adelay=delays=" + delay + "S:all=1" : "") + "[" + label + "]");
        return label;
    }

    private String mix(List<String> streams) {
        if (streams.isEmpty()) {
            return null;
        }
        if (streams.size() == 1) {
            return streams.getFirst();
        }
        String label = label("mix");
        StringBuilder in = new StringBuilder();
        streams.forEach(s -> in.append('[').append(s).append(']'));
        chains.add(in + "amix=inputs=" + streams.size() + ":duration=longest:dropout_transition=0:normalize=0["
                + label + "]");
        return label;
    }

    /** Gain 1 outside voice-overs, 10^(-db/20) inside, with short ramps: exactly the promised dB. */
    private static String duck(List<double[]> spans, int db) {
        double floor = Math.pow(10, -db / 20.0);
        StringBuilder inside = new StringBuilder("min(1,0");
        for (double[] span : spans) {
            double a = span[0] - DUCK_RAMP_SECONDS;
            double b = span[1] + DUCK_RAMP_SECONDS;
            inside.append("+clip(min((t-").append(seconds(a)).append(")/").append(seconds(DUCK_RAMP_SECONDS))
                    .append(",(").append(seconds(b)).append("-t)/").append(seconds(DUCK_RAMP_SECONDS)).append("),0,1)");
        }
        inside.append(')');
        return "1-" + number(1 - floor) + "*" + inside;
    }

    private long frames(long fromMs, long toMs) {
        return out.frameAt(toMs) - out.frameAt(fromMs);
    }

    private String label(String prefix) {
        return prefix + labels++;
    }
}
