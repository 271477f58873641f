package dev.atelier.platform.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfprobeTest {

    final Ffmpeg ffmpeg = Ffmpeg.bundled();
    final Ffprobe ffprobe = new Ffprobe(ffmpeg);
    @TempDir Path dir;

    FfprobeTest() throws Exception {
    }

    @Test
    void describesAVideoWithSoundBySizeDurationAndCodecs() throws Exception {
        Path clip = dir.resolve("clip.mp4");
        ffmpeg.run(List.of("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=f=440",
                "-t", "1.5", "-c:v", "libopenh264", "-pix_fmt", "yuv420p", "-c:a", "aac", clip.toString()),
                Duration.ofSeconds(30));

        MediaInfo info = ffprobe.probe(clip);

        assertThat(info.formatName()).contains("mp4");
        assertThat(info.durationMs()).isBetween(1400L, 1600L);
        assertThat(info.width()).isEqualTo(320);
        assertThat(info.height()).isEqualTo(240);
        assertThat(info.hasVideo()).isTrue();
        assertThat(info.hasAudio()).isTrue();
        assertThat(info.videoCodec()).isEqualTo("h264");
        assertThat(info.audioCodec()).isEqualTo("aac");
    }

    @Test
    void describesAStillPictureAsVideoWithoutDuration() throws Exception {
        Path picture = dir.resolve("still.png");
        ffmpeg.run(List.of("-f", "lavfi", "-i", "color=blue:size=64x48", "-frames:v", "1", picture.toString()),
                Duration.ofSeconds(30));

        MediaInfo info = ffprobe.probe(picture);

        assertThat(info.videoCodec()).isEqualTo("png");
        assertThat(info.width()).isEqualTo(64);
        assertThat(info.hasAudio()).isFalse();
        assertThat(info.audioCodec()).isNull();
        assertThat(info.durationMs()).isZero();
    }

    @Test
    void aCorruptFileIsAClearError() throws Exception {
        Path garbage = Files.write(dir.resolve("broken.mp4"), "this is not a movie".repeat(50).getBytes());

        assertThatThrownBy(() -> ffprobe.probe(garbage))
                .isInstanceOf(FfmpegException.class)
                .hasMessageContaining("broken.mp4");
    }

    @Test
    void aMissingFileIsNotFound() {
        assertThatThrownBy(() -> ffprobe.probe(dir.resolve("nothing-here.mp4")))
                .isInstanceOf(NoSuchFileException.class);
    }
}
