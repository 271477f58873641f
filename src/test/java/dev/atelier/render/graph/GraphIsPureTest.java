package dev.atelier.render.graph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The timeline → ffmpeg translation is a pure function: no framework, no files, no processes, no clock. */
class GraphIsPureTest {

    private static final Encoders ENCODERS = new Encoders("libopenh264", "libvpx-vp9", "libopus", true);

    @Test
    void theGraphPackageTouchesNothingButItsInput() {
        noClasses().that().resideInAPackage("dev.atelier.render.graph..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..",
                        "tools.jackson..", "dev.atelier.platform..", "java.net..", "java.time..")
                .orShould().dependOnClassesThat().belongToAnyOf(java.nio.file.Files.class, ProcessBuilder.class)
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.atelier.render.graph"));
    }

    @Test
    void theSameInputGivesTheSameInvocationAndAnotherMediaAnother() {
        Edit.Media a = new Edit.Media("a".repeat(64), false, true, 5000);
        Edit.Media b = new Edit.Media("b".repeat(64), false, true, 5000);
        Edit one = edit(a);
        Output out = new Output(640, 360, 15, Output.Kind.PREVIEW_SEGMENT);
        String first = FilterGraph.build(one, new Window(0, 4000), out, ENCODERS).fingerprint();
        assertThat(FilterGraph.build(edit(a), new Window(0, 4000), out, ENCODERS).fingerprint()).isEqualTo(first);
        assertThat(FilterGraph.build(edit(b), new Window(0, 4000), out, ENCODERS).fingerprint()).isNotEqualTo(first);
        assertThat(FilterGraph.build(one, new Window(4000, 8000), out, ENCODERS).fingerprint()).isNotEqualTo(first);
    }

    @Test
    void crossfadeOffsetsAddUpAsEarlierLengthsMinusEarlierFades() {
        Edit.Media m = new Edit.Media("a".repeat(64), false, false, 10_000);
        Edit edit = new Edit(List.of(
                new Edit.Clip("c0", m, 0, 3000, 0, 1.0, true, 1.0, null),
                new Edit.Clip("c1", m, 2500, 3000, 0, 1.0, true, 1.0, null),
                new Edit.Clip("c2", m, 5000, 2000, 0, 1.0, true, 1.0, null)),
                List.of(new Edit.Transition("c0", "c1", "crossfade", 500),
                        new Edit.Transition("c1", "c2", "wipeleft", 500)),
                List.of(), List.of(), Edit.Ducking.OFF, 360);
        String graph = FilterGraph.build(edit, new Window(0, 7000), new Output(640, 360, 30, Output.Kind.MP4),
                ENCODERS).graph();
        assertThat(graph).contains("xfade=transition=fade:duration=0.5:offset=2.5")
                .contains("xfade=transition=wipeleft:duration=0.5:offset=5")
                .contains("acrossfade=ns=24000");
    }

    @Test
    void aTimelineTheRendererCannotRenderIsRefusedWithAReason() {
        Edit.Media m = new Edit.Media("a".repeat(64), false, false, 10_000);
        Edit overlapping = new Edit(List.of(new Edit.Clip("c0", m, 0, 3000, 0, 1.0, true, 1.0, null),
                new Edit.Clip("c1", m, 2000, 3000, 0, 1.0, true, 1.0, null)), List.of(), List.of(), List.of(),
                Edit.Ducking.OFF, 360);
        Output out = new Output(640, 360, 25, Output.Kind.MP4);
        assertThatThrownBy(() -> FilterGraph.build(overlapping, new Window(0, 5000), out, ENCODERS))
                .hasMessageContaining("overlaps");
        Edit empty = new Edit(List.of(), List.of(), List.of(), List.of(), Edit.Ducking.OFF, 360);
        assertThatThrownBy(() -> FilterGraph.build(empty, new Window(0, 5000), out, ENCODERS))
                .hasMessageContaining("no video clips");
    }

    private static Edit edit(Edit.Media media) {
        return new Edit(List.of(new Edit.Clip("c0", media, 0, 3000, 0, 1.0, true, 1.0, null),
                new Edit.Clip("c1", media, 3000, 5000, 0, 1.0, false, 1.0, null)), List.of(), List.of(), List.of(),
                Edit.Ducking.OFF, 360);
    }
}
