package dev.atelier.editor.internal;

import dev.atelier.editor.AudioClip;
import dev.atelier.editor.AudioRole;
import dev.atelier.editor.AudioTrack;
import dev.atelier.editor.Ducking;
import dev.atelier.editor.Fit;
import dev.atelier.editor.Font;
import dev.atelier.editor.Motion;
import dev.atelier.editor.TextBox;
import dev.atelier.editor.TextClip;
import dev.atelier.editor.Timeline;
import dev.atelier.editor.Transition;
import dev.atelier.editor.TransitionType;
import dev.atelier.editor.VideoClip;
import dev.atelier.editor.VideoTrack;
import dev.atelier.media.AssetKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Small timelines and a fake library for validation tests. */
final class TimelineFixtures {

    static final UUID VIDEO = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID SILENT_VIDEO = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID IMAGE = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final UUID AUDIO = UUID.fromString("00000000-0000-0000-0000-00000000000d");
    static final UUID SOMEONE_ELSES = UUID.fromString("00000000-0000-0000-0000-00000000000e");

    static final Map<UUID, AssetFacts> LIBRARY = Map.of(
            VIDEO, new AssetFacts(VIDEO, AssetKind.VIDEO, 10_000L, true),
            SILENT_VIDEO, new AssetFacts(SILENT_VIDEO, AssetKind.VIDEO, 10_000L, false),
            IMAGE, new AssetFacts(IMAGE, AssetKind.IMAGE, null, false),
            AUDIO, new AssetFacts(AUDIO, AssetKind.AUDIO, 30_000L, false));

    static final Function<UUID, Optional<AssetFacts>> ASSETS = id -> Optional.ofNullable(LIBRARY.get(id));

    private TimelineFixtures() {
    }

    static VideoClip clip(String id, UUID asset, long start, long duration) {
        return new VideoClip(id, asset, start, duration, 0L, 1.0, Fit.COVER, 1.0, null);
    }

    static VideoClip trimmed(VideoClip c, long trimInMs) {
        return new VideoClip(c.id(), c.assetId(), c.startMs(), c.durationMs(), trimInMs, c.speed(), c.fit(), c.volume(), c.motion());
    }

    static TextClip text(String id, String text) {
        return new TextClip(id, text, Font.SANS, 64, "#ffffff", 0.5, 0.85, new TextBox("#000000", 0.5, 12),
                0L, 3000L, 200L, 200L);
    }

    static AudioClip audio(String id, UUID asset, long start, long duration) {
        return new AudioClip(id, asset, start, duration, 0L, false, 0.8, 0L, 1500L);
    }

    /**
     * Three clips, 9.5 s: c1 (video 0–4 s) crossfades 0.5 s into c2 (image 3.5–7.5 s, slow zoom),
     * which meets c3 (video 7.5–9.5 s from 5 s into the source); a title; music and a voice-over.
     */
    static Timeline valid() {
        VideoClip c2 = new VideoClip("c2", IMAGE, 3500L, 4000L, 0L, 1.0, Fit.CONTAIN, 1.0,
                new Motion(1.0, 1.2, 0.5, 0.5, 0.6, 0.4));
        return new Timeline(1,
                new VideoTrack(List.of(clip("c1", VIDEO, 0, 4000), c2, trimmed(clip("c3", VIDEO, 7500, 2000), 5000)),
                        List.of(new Transition("c1", "c2", TransitionType.CROSSFADE, 500L))),
                List.of(text("t1", "Hello")),
                List.of(new AudioTrack("music", AudioRole.MUSIC, List.of(audio("m1", AUDIO, 0, 9500))),
                        new AudioTrack("voice", AudioRole.VOICEOVER, List.of(audio("v1", VIDEO, 1000, 3000)))),
                new Ducking(true, 12));
    }

    static Timeline withClip(Timeline t, int index, UnaryOperator<VideoClip> change) {
        List<VideoClip> clips = new ArrayList<>(t.video().clips());
        clips.set(index, change.apply(clips.get(index)));
        return new Timeline(t.schemaVersion(), new VideoTrack(clips, t.video().transitions()), t.text(), t.audio(), t.ducking());
    }

    static Timeline withClips(Timeline t, List<VideoClip> clips) {
        return new Timeline(t.schemaVersion(), new VideoTrack(clips, t.video().transitions()), t.text(), t.audio(), t.ducking());
    }

    static Timeline withTransitions(Timeline t, List<Transition> transitions) {
        return new Timeline(t.schemaVersion(), new VideoTrack(t.video().clips(), transitions), t.text(), t.audio(), t.ducking());
    }

    static Timeline withText(Timeline t, List<TextClip> text) {
        return new Timeline(t.schemaVersion(), t.video(), text, t.audio(), t.ducking());
    }

    static Timeline withAudio(Timeline t, List<AudioTrack> audio) {
        return new Timeline(t.schemaVersion(), t.video(), t.text(), audio, t.ducking());
    }

    static Timeline withMusic(Timeline t, List<AudioClip> music) {
        List<AudioTrack> tracks = new ArrayList<>(t.audio());
        tracks.set(0, new AudioTrack("music", AudioRole.MUSIC, music));
        return withAudio(t, tracks);
    }

    static VideoClip moved(VideoClip c, long start) {
        return new VideoClip(c.id(), c.assetId(), start, c.durationMs(), c.trimInMs(), c.speed(), c.fit(), c.volume(), c.motion());
    }
}
