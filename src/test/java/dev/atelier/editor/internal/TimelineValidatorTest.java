package dev.atelier.editor.internal;

import static dev.atelier.editor.internal.TimelineFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TimelineValidatorTest {

    @Test
    void theSampleTimelineIsValidAndItsLengthIsClipsMinusOverlaps() {
        Timeline timeline = valid();
        assertThat(TimelineValidator.validate(timeline, ASSETS)).isEmpty();
        assertThat(timeline.lengthMs()).isEqualTo(4000 + 4000 + 2000 - 500);
    }

    @Test
    void anEmptyTimelineIsValidAndZeroLong() {
        assertThat(TimelineValidator.validate(Timeline.EMPTY, ASSETS)).isEmpty();
        assertThat(Timeline.EMPTY.lengthMs()).isZero();
    }

    @Test
    void aLoopingAudioClipMayOutlastItsSource() {
        Timeline t = withMusic(valid(), List.of(new AudioClip("m1", AUDIO, 0L, 100_000L, 0L, true, 1.0, 0L, 0L)));
        assertThat(TimelineValidator.validate(t, ASSETS)).isEmpty();
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        Timeline t = withClip(withClip(valid(), 0, c -> trimmed(c, 9000)), 2, c -> moved(c, 7000));
        t = withText(t, List.of(text("t1", "x".repeat(501))));
        assertThat(TimelineValidator.validate(t, ASSETS)).extracting(TimelineProblem::path).containsExactlyInAnyOrder(
                "$.video.clips[0].trimInMs", "$.video.clips[2].startMs", "$.text[0].text");
    }

    record Case(String name, Timeline timeline, String path, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> brokenTimelines() {
        Timeline v = valid();
        return Stream.of(
                broken("an asset that is not the caller's", withClip(v, 0, c -> clip("c1", SOMEONE_ELSES, 0, 4000)),
                        "$.video.clips[0].assetId", "asset_not_found"),
                broken("an audio asset on the video track", withClip(v, 2, c -> trimmed(clip("c3", AUDIO, 7500, 2000), 0)),
                        "$.video.clips[2].assetId", "wrong_asset_kind"),
                broken("an image on an audio track", withMusic(v, List.of(audio("m1", IMAGE, 0, 5000))),
                        "$.audio[0].clips[0].assetId", "wrong_asset_kind"),
                broken("a video without sound on an audio track", withMusic(v, List.of(audio("m1", SILENT_VIDEO, 0, 5000))),
                        "$.audio[0].clips[0].assetId", "wrong_asset_kind"),
                broken("a missing asset id", withClip(v, 0, c -> clip("c1", null, 0, 4000)),
                        "$.video.clips[0].assetId", "required"),
                broken("a trim past the source's end", withClip(v, 2, c -> trimmed(c, 9000)),
                        "$.video.clips[2].trimInMs", "past_source_end"),
                broken("a speed that runs past the source's end", withClip(v, 0, c -> new VideoClip("c1", VIDEO, 0L, 4000L,
                        0L, 4.0, Fit.COVER, 1.0, null)), "$.video.clips[0].trimInMs", "past_source_end"),
                broken("an audio clip longer than its source", withMusic(v, List.of(audio("m1", AUDIO, 0, 40_000))),
                        "$.audio[0].clips[0].trimInMs", "past_source_end"),
                broken("a trim on an image", withClip(v, 1, c -> trimmed(c, 100)), "$.video.clips[1].trimInMs", "out_of_range"),
                broken("clips that overlap without a transition", withClip(v, 2, c -> moved(c, 7000)),
                        "$.video.clips[2].startMs", "overlap"),
                broken("a transition pair that does not overlap by the transition", withClip(v, 1, c -> moved(c, 3400)),
                        "$.video.clips[1].startMs", "transition_misplaced"),
                broken("a transition longer than half the shorter clip", withTransitions(withClip(v, 1, c -> moved(c, 1500)),
                        List.of(new Transition("c1", "c2", TransitionType.WIPELEFT, 2500L))),
                        "$.video.transitions[0].durationMs", "transition_too_long"),
                broken("a transition shorter than 100 ms", withTransitions(withClip(withClip(v, 1, c -> moved(c, 3950)), 2,
                        c -> moved(c, 7950)),
                        List.of(new Transition("c1", "c2", TransitionType.CROSSFADE, 50L))),
                        "$.video.transitions[0].durationMs", "out_of_range"),
                broken("a transition between clips that are not neighbours", withTransitions(v,
                        List.of(new Transition("c1", "c2", null, 500L), new Transition("c1", "c3", null, 500L))),
                        "$.video.transitions[1]", "transition_not_neighbours"),
                broken("a transition to an unknown clip", withTransitions(v,
                        List.of(new Transition("c1", "c2", null, 500L), new Transition("c2", "nope", null, 500L))),
                        "$.video.transitions[1].toClipId", "unknown_clip"),
                broken("two transitions between the same clips", withTransitions(v,
                        List.of(new Transition("c1", "c2", null, 500L), new Transition("c1", "c2", null, 500L))),
                        "$.video.transitions[1]", "duplicate_transition"),
                broken("clips out of order", withClips(v, List.of(clip("c1", VIDEO, 5000, 1000), clip("c2", VIDEO, 0, 1000))),
                        "$.video.clips[1].startMs", "not_sorted"),
                broken("more than 500 video clips", withTransitions(withClips(v, IntStream.range(0, 501)
                        .mapToObj(i -> clip("c" + i, IMAGE, i * 100L, 100)).toList()), List.of()),
                        "$.video.clips", "too_many_clips"),
                broken("more than 500 text clips", withText(v, IntStream.range(0, 501)
                        .mapToObj(i -> text("t" + i, "x")).toList()), "$.text", "too_many_clips"),
                broken("more than 500 audio clips", withMusic(v, IntStream.range(0, 501)
                        .mapToObj(i -> audio("a" + i, AUDIO, i * 100L, 100)).toList()), "$.audio", "too_many_clips"),
                broken("more than 60 minutes", withClips(withTransitions(v, List.of()),
                        List.of(clip("c1", IMAGE, 3_599_000, 5000))), "$.video", "timeline_too_long"),
                broken("a negative start", withClip(v, 0, c -> moved(c, -1)), "$.video.clips[0].startMs", "out_of_range"),
                broken("a clip shorter than 100 ms", withClip(v, 2, c -> clip("c3", VIDEO, 7500, 99)),
                        "$.video.clips[2].durationMs", "out_of_range"),
                broken("a clip without a start", withClip(v, 2, c -> new VideoClip("c3", VIDEO, null, 1000L, null, null, null,
                        null, null)), "$.video.clips[2].startMs", "required"),
                broken("a null clip", withClip(v, 2, c -> null), "$.video.clips[2]", "required"),
                broken("a speed of 5", withClip(v, 2, c -> new VideoClip("c3", IMAGE, 7500L, 2000L, 0L, 5.0, null, null, null)),
                        "$.video.clips[2].speed", "out_of_range"),
                broken("a volume of 3", withClip(v, 2, c -> new VideoClip("c3", IMAGE, 7500L, 2000L, 0L, 1.0, null, 3.0, null)),
                        "$.video.clips[2].volume", "out_of_range"),
                broken("zoom and pan on a video", withClip(v, 0, c -> new VideoClip("c1", VIDEO, 0L, 4000L, 0L, 1.0, null, null,
                        new Motion(null, null, null, null, null, null))), "$.video.clips[0].motion", "motion_on_video"),
                broken("a zoom of 5", withClip(v, 1, c -> new VideoClip("c2", IMAGE, 3500L, 4000L, 0L, 1.0, null, null,
                        new Motion(5.0, null, null, null, null, null))), "$.video.clips[1].motion.zoomFrom", "out_of_range"),
                broken("text over 500 characters", withText(v, List.of(text("t1", "é".repeat(501)))),
                        "$.text[0].text", "text_too_long"),
                broken("empty text", withText(v, List.of(text("t1", ""))), "$.text[0].text", "required"),
                broken("text with a control character", withText(v, List.of(text("t1", "a\u0007b"))),
                        "$.text[0].text", "invalid_text"),
                broken("a bad text colour", withText(v, List.of(new TextClip("t1", "Hi", Font.MONO, 64, "white", 0.5, 0.5,
                        null, 0L, 1000L, 0L, 0L))), "$.text[0].color", "invalid_color"),
                broken("a bad box colour", withText(v, List.of(new TextClip("t1", "Hi", Font.MONO, 64, "#ffffff", 0.5, 0.5,
                        new TextBox("#12345g", null, null), 0L, 1000L, 0L, 0L))), "$.text[0].box.color", "invalid_color"),
                broken("a text size of 7", withText(v, List.of(new TextClip("t1", "Hi", null, 7, null, null, null,
                        null, 0L, 1000L, null, null))), "$.text[0].sizePx", "out_of_range"),
                broken("a text position outside the frame", withText(v, List.of(new TextClip("t1", "Hi", null, null, null, 1.5,
                        null, null, 0L, 1000L, null, null))), "$.text[0].x", "out_of_range"),
                broken("fades longer than the clip", withText(v, List.of(new TextClip("t1", "Hi", null, null, null, null, null,
                        null, 0L, 1000L, 600L, 600L))), "$.text[0].fadeOutMs", "out_of_range"),
                broken("an id used twice", withText(v, List.of(text("c1", "Hi"))), "$.text[0].id", "duplicate_id"),
                broken("an id with a space", withText(v, List.of(text("t 1", "Hi"))), "$.text[0].id", "invalid_id"),
                broken("an id of 65 characters", withText(v, List.of(text("x".repeat(65), "Hi"))), "$.text[0].id", "invalid_id"),
                broken("audio clips that overlap on one track", withMusic(v, List.of(audio("m1", AUDIO, 0, 5000),
                        audio("m2", AUDIO, 4000, 5000))), "$.audio[0].clips[1].startMs", "overlap"),
                broken("more than 8 audio tracks", withAudio(v, IntStream.range(0, 9)
                        .mapToObj(i -> new AudioTrack("a" + i, AudioRole.MUSIC, List.of())).toList()), "$.audio", "too_many_tracks"),
                broken("ducking by 50 dB", new Timeline(1, v.video(), v.text(), v.audio(), new Ducking(true, 50)),
                        "$.ducking.db", "out_of_range"),
                broken("schema version 2", new Timeline(2, v.video(), v.text(), v.audio(), v.ducking()),
                        "$.schemaVersion", "unsupported_schema_version"));
    }

    private static Arguments broken(String name, Timeline timeline, String path, String code) {
        return Arguments.of(new Case(name, timeline, path, code));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTimelines")
    void eachBrokenRuleIsReportedAtItsPath(Case c) {
        assertThat(TimelineValidator.validate(c.timeline(), ASSETS))
                .as(c.name())
                .containsExactly(problemAt(c.timeline(), c.path(), c.code()));
    }

    /** The one problem expected, with whatever message the validator words it with. */
    private static TimelineProblem problemAt(Timeline timeline, String path, String code) {
        return TimelineValidator.validate(timeline, ASSETS).stream()
                .filter(p -> p.path().equals(path) && p.code().equals(code)).findFirst()
                .orElse(new TimelineProblem(path, code, "(missing)"));
    }

    @Test
    void aLongListIsReportedOnceAndItsItemsAreNotLookedAt() {
        Timeline t = withTransitions(withClips(valid(), IntStream.range(0, 1000)
                .mapToObj(i -> clip("c" + i, UUID.randomUUID(), i * 100L, 100)).toList()), List.of());
        t = withAudio(t, List.of());
        assertThat(TimelineValidator.validate(t, id -> {
            throw new AssertionError("looked up " + id);
        })).hasSize(1);
    }
}
