package dev.atelier.editor.internal;

import dev.atelier.editor.AudioClip;
import dev.atelier.editor.AudioTrack;
import dev.atelier.editor.Motion;
import dev.atelier.editor.TextBox;
import dev.atelier.editor.TextClip;
import dev.atelier.editor.Timeline;
import dev.atelier.editor.Transition;
import dev.atelier.editor.VideoClip;
import dev.atelier.media.AssetKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The rules of a timeline document (docs/editor.md), as a pure function: the document and a
 * lookup of the caller's assets in, every problem with its JSON path out (empty = valid). It
 * never stops at the first problem. A list longer than its limit is reported once and its items
 * are not examined one by one, so the answer stays bounded.
 */
final class TimelineValidator {

    static final int MAX_VIDEO_CLIPS = 500;
    static final int MAX_TEXT_CLIPS = 500;
    static final int MAX_AUDIO_CLIPS = 500;
    static final int MAX_AUDIO_TRACKS = 8;
    static final long MAX_LENGTH_MS = 60 * 60 * 1000;
    static final long MIN_CLIP_MS = 100;
    static final long MIN_TRANSITION_MS = 100;
    static final long MAX_TRIM_MS = 24 * 60 * 60 * 1000;
    static final int MAX_TEXT_LENGTH = 500;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    private final Function<UUID, Optional<AssetFacts>> assets;
    private final List<TimelineProblem> problems = new ArrayList<>();
    private final Map<String, String> ids = new HashMap<>();

    private TimelineValidator(Function<UUID, Optional<AssetFacts>> assets) {
        this.assets = assets;
    }

    /** Every problem of {@code timeline}; {@code assets} answers only the caller's own assets. */
    static List<TimelineProblem> validate(Timeline timeline, Function<UUID, Optional<AssetFacts>> assets) {
        TimelineValidator validator = new TimelineValidator(assets);
        validator.check(timeline);
        return List.copyOf(validator.problems);
    }

    private void check(Timeline timeline) {
        if (timeline.schemaVersion() != Timeline.SCHEMA_VERSION) {
            problem("$.schemaVersion", "unsupported_schema_version", "schemaVersion must be 1");
        }
        boolean videoExamined = videoTrack(timeline);
        text(timeline.text());
        audio(timeline.audio());
        range("$.ducking.db", timeline.ducking().db(), 1, 40);
        if (videoExamined && timeline.lengthMs() > MAX_LENGTH_MS) {
            problem("$.video", "timeline_too_long", "The timeline is " + timeline.lengthMs()
                    + " ms long; the limit is " + MAX_LENGTH_MS + " ms (60 minutes)");
        }
    }

    // ---- the video track

    private boolean videoTrack(Timeline timeline) {
        List<VideoClip> clips = timeline.video().clips();
        List<Transition> transitions = timeline.video().transitions();
        if (clips.size() > MAX_VIDEO_CLIPS) {
            problem("$.video.clips", "too_many_clips", "At most " + MAX_VIDEO_CLIPS + " video clips, not "
                    + clips.size() + " (the clips were not checked one by one)");
            return false;
        }
        boolean placed = true;
        for (int i = 0; i < clips.size(); i++) {
            placed &= videoClip("$.video.clips[" + i + "]", clips.get(i));
        }
        if (transitions.size() > MAX_VIDEO_CLIPS) {
            problem("$.video.transitions", "too_many_transitions", "At most one transition between each two clips");
            return true;
        }
        Map<Integer, Transition> byFrom = transitions(clips, transitions);
        if (placed) {
            placement(clips, byFrom);
        }
        return true;
    }

    /** Checks one clip; answers whether its place (start and duration) is known. */
    private boolean videoClip(String path, VideoClip clip) {
        if (clip == null) {
            problem(path, "required", "A clip cannot be null");
            return false;
        }
        id(path, clip.id());
        boolean placed = place(path, clip.startMs(), clip.durationMs());
        range(path + ".trimInMs", clip.trimInMs(), 0, MAX_TRIM_MS);
        range(path + ".speed", clip.speed(), 0.25, 4);
        range(path + ".volume", clip.volume(), 0, 2);
        if (clip.motion() != null) {
            motion(path + ".motion", clip.motion());
        }
        Optional<AssetFacts> asset = asset(path + ".assetId", clip.assetId());
        if (asset.isEmpty()) {
            return placed;
        }
        AssetFacts facts = asset.get();
        switch (facts.kind()) {
            case AUDIO -> problem(path + ".assetId", "wrong_asset_kind",
                    "The video track takes video or image assets; this one is audio");
            case IMAGE -> {
                if (clip.trimInMs() != 0) {
                    problem(path + ".trimInMs", "out_of_range", "An image has no time to trim: trimInMs must be 0");
                }
            }
            case VIDEO -> {
                if (clip.motion() != null) {
                    problem(path + ".motion", "motion_on_video", "Zoom and pan are for images only");
                }
                if (placed && clip.trimInMs() >= 0) {
                    sourceEnd(path, clip.trimInMs(), clip.sourceMs(), facts);
                }
            }
        }
        return placed;
    }

    private void motion(String path, Motion motion) {
        range(path + ".zoomFrom", motion.zoomFrom(), 1, 4);
        range(path + ".zoomTo", motion.zoomTo(), 1, 4);
        range(path + ".xFrom", motion.xFrom(), 0, 1);
        range(path + ".yFrom", motion.yFrom(), 0, 1);
        range(path + ".xTo", motion.xTo(), 0, 1);
        range(path + ".yTo", motion.yTo(), 0, 1);
    }

    /** Checks the transitions and answers them by the index of the clip they leave. */
    private Map<Integer, Transition> transitions(List<VideoClip> clips, List<Transition> transitions) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < clips.size(); i++) {
            if (clips.get(i) != null && clips.get(i).id() != null) {
                index.putIfAbsent(clips.get(i).id(), i);
            }
        }
        Map<Integer, Transition> byFrom = new HashMap<>();
        Map<Integer, Transition> byTo = new HashMap<>();
        for (int j = 0; j < transitions.size(); j++) {
            String path = "$.video.transitions[" + j + "]";
            Transition t = transitions.get(j);
            if (t == null) {
                problem(path, "required", "A transition cannot be null");
                continue;
            }
            Integer from = clipIndex(path + ".fromClipId", t.fromClipId(), index);
            Integer to = clipIndex(path + ".toClipId", t.toClipId(), index);
            boolean timed = t.durationMs() != null;
            if (!timed) {
                problem(path + ".durationMs", "required", "durationMs is required");
            } else if (t.durationMs() < MIN_TRANSITION_MS) {
                problem(path + ".durationMs", "out_of_range", "A transition lasts at least " + MIN_TRANSITION_MS + " ms");
                timed = false;
            }
            if (from == null || to == null) {
                continue;
            }
            if (to != from + 1) {
                problem(path, "transition_not_neighbours", "A transition joins a clip to the next one in time order; "
                        + t.fromClipId() + " and " + t.toClipId() + " are not neighbours");
                continue;
            }
            if (byFrom.containsKey(from) || byTo.containsKey(to)) {
                problem(path, "duplicate_transition", "There is already a transition between "
                        + t.fromClipId() + " and " + t.toClipId());
                continue;
            }
            byFrom.put(from, t);
            byTo.put(to, t);
            VideoClip a = clips.get(from);
            VideoClip b = clips.get(to);
            if (timed && a.durationMs() != null && b.durationMs() != null
                    && t.durationMs() * 2 > Math.min(a.durationMs(), b.durationMs())) {
                problem(path + ".durationMs", "transition_too_long", "A transition lasts at most half the shorter clip ("
                        + Math.min(a.durationMs(), b.durationMs()) / 2 + " ms here)");
            }
        }
        return byFrom;
    }

    private Integer clipIndex(String path, String id, Map<String, Integer> index) {
        if (id == null) {
            problem(path, "required", "A transition names the clips it joins");
            return null;
        }
        Integer i = index.get(id);
        if (i == null) {
            problem(path, "unknown_clip", "There is no video clip '" + shorten(id) + "'");
        }
        return i;
    }

    /**
     * Sorted by start; neighbours meet or leave a gap, except a transition's pair, which overlaps
     * by exactly the transition. (Given that, no two clips further apart can overlap.)
     */
    private void placement(List<VideoClip> clips, Map<Integer, Transition> byFrom) {
        for (int i = 1; i < clips.size(); i++) {
            VideoClip previous = clips.get(i - 1);
            VideoClip clip = clips.get(i);
            String path = "$.video.clips[" + i + "].startMs";
            if (clip.startMs() < previous.startMs()) {
                problem(path, "not_sorted", "Video clips are sorted by startMs; this one starts before the one before it");
                continue;
            }
            Transition t = byFrom.get(i - 1);
            if (t != null && t.durationMs() != null) {
                long expected = previous.endMs() - t.durationMs();
                if (clip.startMs() != expected) {
                    problem(path, "transition_misplaced", "With a " + t.durationMs() + " ms transition from '"
                            + shorten(previous.id()) + "', this clip must start at " + expected + " ms");
                }
            } else if (clip.startMs() < previous.endMs()) {
                problem(path, "overlap", "This clip starts before '" + shorten(previous.id()) + "' ends ("
                        + previous.endMs() + " ms); only a transition may overlap clips");
            }
        }
    }

    // ---- text

    private void text(List<TextClip> clips) {
        if (clips.size() > MAX_TEXT_CLIPS) {
            problem("$.text", "too_many_clips", "At most " + MAX_TEXT_CLIPS + " text clips, not " + clips.size());
            return;
        }
        for (int i = 0; i < clips.size(); i++) {
            textClip("$.text[" + i + "]", clips.get(i));
        }
    }

    private void textClip(String path, TextClip clip) {
        if (clip == null) {
            problem(path, "required", "A text clip cannot be null");
            return;
        }
        id(path, clip.id());
        textContent(path + ".text", clip.text());
        range(path + ".sizePx", clip.sizePx(), 8, 400);
        color(path + ".color", clip.color());
        range(path + ".x", clip.x(), 0, 1);
        range(path + ".y", clip.y(), 0, 1);
        if (clip.box() != null) {
            TextBox box = clip.box();
            color(path + ".box.color", box.color());
            range(path + ".box.opacity", box.opacity(), 0, 1);
            range(path + ".box.paddingPx", box.paddingPx(), 0, 200);
        }
        if (place(path, clip.startMs(), clip.durationMs())) {
            fades(path, clip.durationMs(), clip.fadeInMs(), clip.fadeOutMs());
        }
    }

    private void textContent(String path, String text) {
        if (text == null || text.isEmpty()) {
            problem(path, "required", "text needs at least one character");
            return;
        }
        long length = text.codePoints().count();
        if (length > MAX_TEXT_LENGTH) {
            problem(path, "text_too_long", "At most " + MAX_TEXT_LENGTH + " characters, not " + length);
        }
        if (text.codePoints().anyMatch(c -> c != '\n' && (Character.isISOControl(c) || c == 0x2028 || c == 0x2029))) {
            problem(path, "invalid_text", "No control characters except a line break (\\n)");
        }
    }

    private void color(String path, String color) {
        if (!COLOR.matcher(color).matches()) {
            problem(path, "invalid_color", "A colour is #rrggbb, e.g. #ffffff");
        }
    }

    // ---- audio

    private void audio(List<AudioTrack> tracks) {
        if (tracks.size() > MAX_AUDIO_TRACKS) {
            problem("$.audio", "too_many_tracks", "At most " + MAX_AUDIO_TRACKS + " audio tracks, not " + tracks.size());
            return;
        }
        int clips = tracks.stream().mapToInt(t -> t == null ? 0 : t.clips().size()).sum();
        if (clips > MAX_AUDIO_CLIPS) {
            problem("$.audio", "too_many_clips", "At most " + MAX_AUDIO_CLIPS + " audio clips over all tracks, not "
                    + clips + " (the clips were not checked one by one)");
            return;
        }
        for (int i = 0; i < tracks.size(); i++) {
            audioTrack("$.audio[" + i + "]", tracks.get(i));
        }
    }

    private void audioTrack(String path, AudioTrack track) {
        if (track == null) {
            problem(path, "required", "A track cannot be null");
            return;
        }
        id(path, track.id());
        List<Placed> placed = new ArrayList<>();
        for (int k = 0; k < track.clips().size(); k++) {
            String clipPath = path + ".clips[" + k + "]";
            if (audioClip(clipPath, track.clips().get(k))) {
                placed.add(new Placed(clipPath, track.clips().get(k)));
            }
        }
        placed.sort(Comparator.comparingLong((Placed p) -> p.clip().startMs()).thenComparing(Placed::path));
        for (int k = 1; k < placed.size(); k++) {
            AudioClip previous = placed.get(k - 1).clip();
            if (placed.get(k).clip().startMs() < previous.endMs()) {
                problem(placed.get(k).path() + ".startMs", "overlap", "Clips on one audio track do not overlap; this one"
                        + " starts before '" + shorten(previous.id()) + "' ends (" + previous.endMs() + " ms)");
            }
        }
    }

    private record Placed(String path, AudioClip clip) {
    }

    /** Checks one audio clip; answers whether its place is known. */
    private boolean audioClip(String path, AudioClip clip) {
        if (clip == null) {
            problem(path, "required", "A clip cannot be null");
            return false;
        }
        id(path, clip.id());
        boolean placed = place(path, clip.startMs(), clip.durationMs());
        boolean trimmed = range(path + ".trimInMs", clip.trimInMs(), 0, MAX_TRIM_MS);
        range(path + ".volume", clip.volume(), 0, 2);
        if (placed) {
            fades(path, clip.durationMs(), clip.fadeInMs(), clip.fadeOutMs());
        }
        Optional<AssetFacts> asset = asset(path + ".assetId", clip.assetId());
        if (asset.isEmpty()) {
            return placed;
        }
        AssetFacts facts = asset.get();
        if (facts.kind() == AssetKind.IMAGE) {
            problem(path + ".assetId", "wrong_asset_kind", "Audio tracks take audio assets or videos with sound; this one is an image");
        } else if (facts.kind() == AssetKind.VIDEO && !facts.hasAudio()) {
            problem(path + ".assetId", "wrong_asset_kind", "This video has no sound");
        } else if (placed && trimmed) {
            if (clip.loop()) {
                if (facts.durationMs() != null && clip.trimInMs() >= facts.durationMs()) {
                    problem(path + ".trimInMs", "past_source_end", "trimInMs is past the end of the asset ("
                            + facts.durationMs() + " ms)");
                }
            } else {
                sourceEnd(path, clip.trimInMs(), clip.durationMs(), facts);
            }
        }
        return placed;
    }

    // ---- shared rules

    private boolean place(String path, Long startMs, Long durationMs) {
        boolean start = required(path + ".startMs", startMs) && range(path + ".startMs", startMs, 0, MAX_LENGTH_MS);
        boolean duration = required(path + ".durationMs", durationMs)
                && range(path + ".durationMs", durationMs, MIN_CLIP_MS, MAX_LENGTH_MS);
        return start && duration;
    }

    private void fades(String path, long durationMs, long fadeInMs, long fadeOutMs) {
        boolean in = range(path + ".fadeInMs", fadeInMs, 0, durationMs);
        boolean out = range(path + ".fadeOutMs", fadeOutMs, 0, durationMs);
        if (in && out && fadeInMs + fadeOutMs > durationMs) {
            problem(path + ".fadeOutMs", "out_of_range", "fadeInMs + fadeOutMs cannot exceed durationMs (" + durationMs + ")");
        }
    }

    private void sourceEnd(String path, long trimInMs, long usedMs, AssetFacts facts) {
        if (facts.durationMs() != null && trimInMs + usedMs > facts.durationMs()) {
            problem(path + ".trimInMs", "past_source_end", "The clip plays the source from " + trimInMs + " to "
                    + (trimInMs + usedMs) + " ms, but the asset is " + facts.durationMs() + " ms long");
        }
    }

    private Optional<AssetFacts> asset(String path, UUID assetId) {
        if (assetId == null) {
            problem(path, "required", "assetId is required");
            return Optional.empty();
        }
        Optional<AssetFacts> facts = assets.apply(assetId);
        if (facts.isEmpty()) {
            problem(path, "asset_not_found", "There is no asset " + assetId + " in your library");
        }
        return facts;
    }

    private void id(String path, String id) {
        if (id == null) {
            problem(path + ".id", "required", "id is required");
        } else if (!ID.matcher(id).matches()) {
            problem(path + ".id", "invalid_id", "An id is 1 to 64 of A-Z, a-z, 0-9, _ and -");
        } else {
            String first = ids.putIfAbsent(id, path);
            if (first != null) {
                problem(path + ".id", "duplicate_id", "The id '" + id + "' is already used at " + first);
            }
        }
    }

    private boolean required(String path, Object value) {
        if (value == null) {
            problem(path, "required", path.substring(path.lastIndexOf('.') + 1) + " is required");
            return false;
        }
        return true;
    }

    private boolean range(String path, long value, long min, long max) {
        if (value < min || value > max) {
            problem(path, "out_of_range", "Must be between " + min + " and " + max + ", not " + value);
            return false;
        }
        return true;
    }

    private boolean range(String path, double value, double min, double max) {
        if (!Double.isFinite(value) || value < min || value > max) {
            problem(path, "out_of_range", "Must be between " + trim(min) + " and " + trim(max) + ", not " + value);
            return false;
        }
        return true;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String shorten(String id) {
        return id == null || id.length() <= 64 ? id : id.substring(0, 64) + "…";
    }

    private void problem(String path, String code, String message) {
        problems.add(new TimelineProblem(path, code, message));
    }
}
