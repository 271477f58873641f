package dev.atelier.media.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.media.AssetKind;
import dev.atelier.media.MediaRejected;
import dev.atelier.media.TestMedia;
import dev.atelier.platform.ffmpeg.Ffmpeg;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class InspectorTest {

    @TempDir
    Path temp;

    private final Ffmpeg ffmpeg = bundled();
    private final Prober prober = new Prober(ffmpeg, JsonMapper.builder().build(), Duration.ofMinutes(1));
    private final Inspector inspector = new Inspector(ffmpeg, prober, 320, 50_000_000, Duration.ofMinutes(1));
    private final Spooler spooler = new Spooler(new Sniffer());

    @Test
    void aPngIsAnImageWithItsSizeAndA320PixelThumbnail() throws IOException {
        Inspector.Inspected png = inspect(TestMedia.png(), null);

        assertThat(png.kind()).isEqualTo(AssetKind.IMAGE);
        assertThat(png.mediaType()).isEqualTo("image/png");
        assertThat(png.width()).isEqualTo(640);
        assertThat(png.height()).isEqualTo(480);
        assertThat(png.durationMs()).isNull();
        assertThat(png.thumbnailType()).isEqualTo("image/png");
        BufferedImage thumbnail = ImageIO.read(png.thumbnail().toFile());
        assertThat(thumbnail.getWidth()).isEqualTo(320);
        assertThat(thumbnail.getHeight()).isEqualTo(240);
    }

    @Test
    void aSmallImageIsNotBlownUp() throws IOException {
        Inspector.Inspected small = inspect(TestMedia.png(100, 50), null);

        BufferedImage thumbnail = ImageIO.read(small.thumbnail().toFile());
        assertThat(thumbnail.getWidth()).isEqualTo(100);
        assertThat(thumbnail.getHeight()).isEqualTo(50);
    }

    @Test
    void jpegGifAndWebpAreImagesToo() throws IOException {
        assertThat(inspect(TestMedia.jpeg(), null)).satisfies(jpeg -> {
            assertThat(jpeg.mediaType()).isEqualTo("image/jpeg");
            assertThat(jpeg.thumbnailType()).isEqualTo("image/jpeg");
            assertThat(ImageIO.read(jpeg.thumbnail().toFile()).getWidth()).isEqualTo(320);
        });
        assertThat(inspect(TestMedia.gif(), null).mediaType()).isEqualTo("image/gif");
        assertThat(inspect(TestMedia.webp(), null).mediaType()).isEqualTo("image/webp");
    }

    @Test
    void anMp4IsAVideoWithDurationSoundAndAPosterFrame() throws IOException {
        for (Path file : new Path[] {TestMedia.mp4(), TestMedia.mp4FastStart()}) {
            Inspector.Inspected video = inspect(file, null);

            assertThat(video.kind()).isEqualTo(AssetKind.VIDEO);
            assertThat(video.mediaType()).isEqualTo("video/mp4");
            assertThat(video.width()).isEqualTo(320);
            assertThat(video.height()).isEqualTo(240);
            assertThat(video.durationMs()).isBetween(1900L, 2100L);
            assertThat(video.hasAudio()).isTrue();
            assertThat(video.thumbnailType()).isEqualTo("image/jpeg");
            assertThat(ImageIO.read(video.thumbnail().toFile()).getWidth()).isEqualTo(320);
        }
    }

    @Test
    void aWebmIsAWebmVideo() throws IOException {
        Inspector.Inspected video = inspect(TestMedia.webm(), null);

        assertThat(video.mediaType()).isEqualTo("video/webm");
        assertThat(video.hasAudio()).isFalse();
    }

    @Test
    void soundFilesAreAudioWithAWaveform() throws IOException {
        assertThat(inspect(TestMedia.mp3(), null).mediaType()).isEqualTo("audio/mpeg");
        assertThat(inspect(TestMedia.wav(), null).mediaType()).isEqualTo("audio/wav");
        assertThat(inspect(TestMedia.opus(), null).mediaType()).isEqualTo("audio/ogg");
        Inspector.Inspected m4a = inspect(TestMedia.m4a(), null);
        assertThat(m4a.kind()).isEqualTo(AssetKind.AUDIO);
        assertThat(m4a.mediaType()).isEqualTo("audio/mp4");
        assertThat(m4a.durationMs()).isBetween(1900L, 2100L);
        assertThat(m4a.hasAudio()).isTrue();
        BufferedImage waveform = ImageIO.read(m4a.thumbnail().toFile());
        assertThat(waveform.getWidth()).isEqualTo(320);
        assertThat(waveform.getHeight()).isEqualTo(80);
    }

    @Test
    void truncatedMediaIsRefused() {
        for (Path file : new Path[] {TestMedia.truncated(TestMedia.png(), 0.5), TestMedia.truncated(TestMedia.jpeg(), 0.5),
                TestMedia.truncated(TestMedia.gif(), 0.5), TestMedia.truncated(TestMedia.webp(), 0.5),
                TestMedia.truncated(TestMedia.mp4(), 0.6), TestMedia.truncated(TestMedia.mp4FastStart(), 0.6)}) {
            assertThatThrownBy(() -> inspect(file, null)).as(file.getFileName().toString())
                    .isInstanceOfSatisfying(MediaRejected.class, e ->
                            assertThat(e.reason()).isEqualTo(MediaRejected.Reason.UNSUPPORTED_MEDIA));
        }
    }

    @Test
    void aPngHeadFollowedByGarbageIsRefused() throws IOException {
        byte[] png = Files.readAllBytes(TestMedia.png());
        byte[] corrupt = java.util.Arrays.copyOf(png, png.length);
        for (int i = 64; i < corrupt.length; i++) {
            corrupt[i] = (byte) (i * 31);
        }
        Path file = Files.write(temp.resolve("corrupt.png"), corrupt);

        assertThatThrownBy(() -> inspect(file, null)).isInstanceOf(MediaRejected.class)
                .hasMessageContaining("does not decode");
    }

    @Test
    void contentOfAnotherKindThanExpectedIsRefused() {
        assertThatThrownBy(() -> inspect(TestMedia.png(), AssetKind.VIDEO))
                .isInstanceOf(MediaRejected.class).hasMessageContaining("Expected video but the content is image");
    }

    @Test
    void anImageWithTooManyPixelsIsRefusedBeforeDecoding() {
        Inspector strict = new Inspector(ffmpeg, prober, 320, 1000, Duration.ofMinutes(1));

        assertThatThrownBy(() -> strict.inspect(spool(TestMedia.png()), null))
                .isInstanceOf(MediaRejected.class).hasMessageContaining("more than 1000 pixels");
    }

    @Test
    void pngAndJpegAreConfirmedInProcessWithoutFfmpeg() throws IOException {
        Inspector noFfmpeg = withoutFfmpeg(DecodeLimits.DEFAULTS);

        Inspector.Inspected png = noFfmpeg.inspect(spool(TestMedia.png()), AssetKind.IMAGE);
        Inspector.Inspected jpeg = noFfmpeg.inspect(spool(TestMedia.jpeg()), null);

        assertThat(png.mediaType()).isEqualTo("image/png");
        assertThat(png.width()).isEqualTo(640);
        assertThat(png.height()).isEqualTo(480);
        assertThat(ImageIO.read(png.thumbnail().toFile()).getWidth()).isEqualTo(320);
        assertThat(jpeg.mediaType()).isEqualTo("image/jpeg");
        assertThat(jpeg.thumbnailType()).isEqualTo("image/jpeg");
        assertThat(ImageIO.read(jpeg.thumbnail().toFile()).getHeight()).isEqualTo(240);
    }

    @Test
    void aPngOrJpegClaimingHugeDimensionsIsRefusedOnItsHeaderBeforeDecodingInProcess() throws IOException {
        Inspector noFfmpeg = withoutFfmpeg(DecodeLimits.DEFAULTS);
        // a PNG head that claims 60000×60000 (3.6 gigapixels), then nothing worth decoding
        byte[] png = Files.readAllBytes(TestMedia.png());
        java.nio.ByteBuffer.wrap(png).putInt(16, 60_000).putInt(20, 60_000);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(png, 12, 17);
        java.nio.ByteBuffer.wrap(png).putInt(29, (int) crc.getValue());
        Path hugePng = Files.write(temp.resolve("huge.png"), java.util.Arrays.copyOf(png, 200));
        // a real JPEG whose frame header (SOF0) claims 60000×60000
        byte[] jpeg = Files.readAllBytes(TestMedia.jpeg());
        int sof = 2;
        while (!(jpeg[sof] == (byte) 0xFF && jpeg[sof + 1] == (byte) 0xC0)) {
            sof++;
        }
        java.nio.ByteBuffer.wrap(jpeg).putShort(sof + 5, (short) 60_000).putShort(sof + 7, (short) 60_000);
        Path hugeJpeg = Files.write(temp.resolve("huge.jpg"), jpeg);

        for (Path file : new Path[] {hugePng, hugeJpeg}) {
            assertThatThrownBy(() -> noFfmpeg.inspect(spool(file), null)).as(file.getFileName().toString())
                    .isInstanceOf(MediaRejected.class).hasMessageContaining("60000×60000 pixels");
        }
    }

    private Inspector withoutFfmpeg(DecodeLimits limits) {
        Ffmpeg missing = new Ffmpeg(temp.resolve("no-ffmpeg"), temp.resolve("no-ffprobe"));
        return new Inspector(missing, new Prober(missing, JsonMapper.builder().build(), Duration.ofMinutes(1)), 320,
                limits, Duration.ofMinutes(1));
    }

    private static Ffmpeg bundled() {
        try {
            return Ffmpeg.bundled();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Inspector.Inspected inspect(Path file, AssetKind expected) throws IOException {
        return inspector.inspect(spool(file), expected);
    }

    private Spooler.Spooled spool(Path file) throws IOException {
        Path work = Files.createTempDirectory(temp, "work");
        try (InputStream in = Files.newInputStream(file)) {
            return spooler.spool(in, work.resolve("content"), container -> Spooler.Limit.NONE, bytes -> { });
        }
    }
}
