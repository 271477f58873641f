package dev.atelier.render.internal;

import static dev.atelier.render.MediaChecks.colour;
import static dev.atelier.render.internal.Timelines.clip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.PlatformProperties;
import dev.atelier.render.MediaChecks;
import dev.atelier.render.graph.Edit;
import dev.atelier.render.graph.FilterGraph;
import dev.atelier.render.graph.Invocation;
import dev.atelier.render.graph.Output;
import dev.atelier.render.graph.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pure graph, rendered by the real ffmpeg and measured with it. */
class FilterGraphRenderTest {

    private static WorkFolders folders;
    private static RenderTools tools;
    private static RenderProcess process;
    @TempDir
    static Path data;

    @BeforeAll
    static void tools() {
        PlatformProperties platform = new PlatformProperties(data, null, null, null, null, java.util.List.of(), null, null, null);
        folders = new WorkFolders(platform);
        tools = new RenderTools(folders);
        process = new RenderProcess(tools, new BundledFontFiles());
    }

    /** Twelve clips: cuts, three kinds of transition, a gap, a still, a silent sped-up clip, a contained one. */
    static Edit twelve() {
        List<Edit.Clip> clips = new ArrayList<>();
        long at = 0;
        for (int i = 0; i < 12; i++) {
            Edit.Media media = switch (i) {
                case 4 -> Timelines.image(MediaChecks.colourPng(colour(i)));
                case 7 -> Timelines.video(MediaChecks.silentColourVideo(colour(i), 3), false);
                default -> Timelines.video(MediaChecks.colourVideo(colour(i), 2), true);
            };
            if (i == 3 || i == 6 || i == 9) {
                at -= 200; // the transition into this clip overlaps the one before by 200 ms
            }
            if (i == 11) {
                at += 500; // a gap: black and silent
            }
            double speed = i == 7 ? 2.0 : 1.0;
            clips.add(new Edit.Clip("c" + i, media, at, 1000, i == 2 ? 300 : 0, speed, i != 1, 1.0, null));
            at += 1000;
        }
        List<Edit.Transition> transitions = List.of(
                new Edit.Transition("c2", "c3", "crossfade", 200),
                new Edit.Transition("c5", "c6", "fadeblack", 200),
                new Edit.Transition("c8", "c9", "wipeleft", 200));
        return new Edit(clips, transitions, List.of(), List.of(), Edit.Ducking.OFF, 180);
    }

    @Test
    void twelveClipsAreAllThereAndTheLengthIsClipsMinusOverlaps() throws Exception {
        Edit edit = twelve();
        assertThat(edit.lengthMs()).isEqualTo(12 * 1000 - 3 * 200 + 500);
        Path video = render(edit, new Window(0, edit.lengthMs()), new Output(320, 180, 30, Output.Kind.MP4));
        assertEveryClipPresent(edit, video, 0);
        assertThat(MediaChecks.durationMs(video)).isBetween(edit.lengthMs() - 34, edit.lengthMs() + 34);
        assertThat(MediaChecks.colourAt(video, 10.65)).as("the gap is black").satisfies(c -> assertThat(c[0] + c[1] + c[2]).isLessThan(40));
    }

    @Test
    void windowsRenderedAloneHoldEveryClipOfTheirPart() throws Exception {
        Edit edit = twelve();
        for (long from = 0; from < edit.lengthMs(); from += 4000) {
            Window window = new Window(from, Math.min(edit.lengthMs(), from + 4000));
            Path segment = render(edit, window, new Output(320, 180, 15, Output.Kind.PREVIEW_SEGMENT));
            long length = MediaChecks.durationMs(segment);
            List<int[]> frames = MediaChecks.frameColours(segment, 10);
            assertThat(length).as("window " + window).isBetween(window.lengthMs() - 100, window.lengthMs() + 100);
            for (Edit.Clip clip : edit.clips()) {
                long middle = clip.startMs() + clip.durationMs() / 2;
                if (middle >= window.fromMs() + 100 && middle < window.toMs() - 100) {
                    int[] seen = frames.get((int) ((middle - window.fromMs()) / 100));
                    assertThat(MediaChecks.near(seen, colour(Integer.parseInt(clip.id().substring(1)))))
                            .as("clip %s in window %s: %s", clip.id(), window, java.util.Arrays.toString(seen)).isTrue();
                }
            }
        }
    }

    @Test
    void aHundredAndFiftyClipsAreAllThere() throws Exception {
        Edit edit = Timelines.edit(Timelines.colours(150, 400));
        Path video = render(edit, new Window(0, edit.lengthMs()), new Output(160, 90, 15, Output.Kind.MP4));
        assertEveryClipPresent(edit, video, 0);
        assertThat(MediaChecks.durationMs(video)).isBetween(60_000L - 67, 60_000L + 67);
    }

    @Test
    void textAppearsWhereAndWhenItIsPlaced() throws Exception {
        Edit.Media dark = Timelines.video(MediaChecks.colourVideo("101010", 3), true);
        Edit.Caption hello = new Edit.Caption("t1", "HELLO", "sans-bold", 40, "#ffffff", 0.5, 0.2, null, 500, 1000, 100, 100);
        Edit edit = new Edit(List.of(clip("c0", dark, 0, 3000)), List.of(), List.of(hello), List.of(), Edit.Ducking.OFF, 180);
        Path video = render(edit, new Window(0, 3000), new Output(320, 180, 30, Output.Kind.MP4));
        assertThat(MediaChecks.brightestIn(video, 1.0, 0.2, 0.05, 0.8, 0.35)).as("text at the top while shown").isGreaterThan(200);
        assertThat(MediaChecks.brightestIn(video, 1.0, 0.0, 0.6, 1.0, 1.0)).as("nothing at the bottom").isLessThan(60);
        assertThat(MediaChecks.brightestIn(video, 2.2, 0.0, 0.0, 1.0, 1.0)).as("gone after its end").isLessThan(60);
    }

    @Test
    void musicIsQuieterUnderTheVoiceOver() throws Exception {
        Edit.Media picture = Timelines.video(MediaChecks.silentColourVideo("303030", 7), false);
        Edit.Media music = Timelines.audio(MediaChecks.tone(300, 8));
        Edit.Media voice = Timelines.audio(MediaChecks.silence(3));
        List<Edit.Sound> sounds = List.of(
                new Edit.Sound("m1", false, music, 0, 6000, 0, false, 1.0, 0, 0),
                new Edit.Sound("v1", true, voice, 2000, 2000, 0, false, 1.0, 0, 0));
        Edit edit = new Edit(List.of(clip("c0", picture, 0, 6000)), List.of(), List.of(), sounds,
                new Edit.Ducking(true, 12), 180);
        Path preview = render(edit, new Window(0, 6000), new Output(160, 90, 15, Output.Kind.PREVIEW_SEGMENT));
        double before = MediaChecks.levelDb(preview, 0.5, 1.5);
        double under = MediaChecks.levelDb(preview, 2.5, 3.5);
        double after = MediaChecks.levelDb(preview, 4.5, 5.5);
        assertThat(before - under).as("ducked by about 12 dB: %s vs %s", before, under).isBetween(10.0, 14.0);
        assertThat(Math.abs(after - before)).isLessThan(1.0);
        Path export = render(edit, new Window(0, 6000), new Output(160, 90, 15, Output.Kind.MP4));
        assertThat(MediaChecks.levelDb(export, 0.5, 1.5) - MediaChecks.levelDb(export, 2.5, 3.5))
                .as("still measurably quieter after loudness normalisation").isGreaterThan(6.0);
    }

    private static void assertEveryClipPresent(Edit edit, Path video, long fromMs) {
        List<int[]> frames = MediaChecks.frameColours(video, 10);
        for (Edit.Clip clip : edit.clips()) {
            int index = Integer.parseInt(clip.id().substring(1));
            long middle = clip.startMs() + clip.durationMs() / 2 - fromMs;
            int[] seen = frames.get((int) (middle / 100));
            assertThat(MediaChecks.near(seen, colour(index)))
                    .as("clip %s at %d ms shows %s", clip.id(), middle, java.util.Arrays.toString(seen)).isTrue();
        }
    }

    static Path render(Edit edit, Window window, Output output) throws Exception {
        Invocation invocation = FilterGraph.build(edit, window, output, tools.encoders());
        Path work = folders.create("test");
        Path target = Files.createTempFile(data, "out-", switch (output.kind()) {
            case MP4, VIDEO_CHUNK -> ".mp4";
            case SOUND -> ".m4a";
            case WEBM -> ".webm";
            case PREVIEW_SEGMENT -> ".ts";
            case JPEG -> ".jpg";
            case PNG -> ".png";
        });
        try {
            process.run(invocation, Timelines::file, work, target, Duration.ofMinutes(3), micros -> { });
        } finally {
            folders.delete(work);
        }
        return target;
    }
}
