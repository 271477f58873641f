package dev.atelier.providers.local.engine;

import com.sun.speech.freetts.Voice;
import dev.atelier.platform.ffmpeg.Ffmpeg;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Speaks text with FreeTTS and encodes it as AAC in an .m4a; the samples stream into ffmpeg.
 *
 * <p>One voice, one lock. A FreeTTS voice is not thread-safe, and allocating one per call costs
 * far more than most texts take to speak: measured here (JDK 25, 2 cores), allocating kevin16
 * took 120–240 ms warm (550 ms the first time) against 20–50 ms to speak a 6-second sentence.
 * So the voice is allocated once and calls take turns; the wait for the lock is interruptible.
 */
public final class VoiceEngine implements AutoCloseable {

    public static final String MEDIA_TYPE = "audio/mp4";
    private static final int BYTES_PER_MS = (int) (PcmPipe.FORMAT.getSampleRate() / 1000) * 2;

    private final Ffmpeg ffmpeg;
    private final ReentrantLock turn = new ReentrantLock();
    private Voice voice;

    public VoiceEngine(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    public VoiceResult render(VoiceRequest request, Path output) throws IOException, InterruptedException {
        return render(request, output, done -> { });
    }

    /**
     * @param progress told the fraction (0–1) encoded so far, against a length guessed from the
     *     text (about 14 characters a second; never past 0.95 until done)
     */
    public VoiceResult render(VoiceRequest request, Path output, DoubleConsumer progress)
            throws IOException, InterruptedException {
        double expectedMicros = Math.max(1.0, request.text().length() / 14.0) * 1_000_000;
        AtomicLong spokenBytes = new AtomicLong();
        List<String> args = List.of("-f", "s16be", "-ar", "16000", "-ac", "1", "-i", "pipe:0",
                "-ar", "44100", "-c:a", "aac", "-b:a", "96k", "-fflags", "+bitexact", "-map_metadata", "-1",
                "-movflags", "+faststart", "-f", "ipod", output.toAbsolutePath().toString());
        try {
            ffmpeg.runWithProgress(args, timeoutFor(request.text()), stdin -> spokenBytes.set(speak(request.text(), stdin)),
                    micros -> progress.accept(Math.min(0.95, micros / expectedMicros)));
        } catch (IOException | InterruptedException | RuntimeException e) {
            Files.deleteIfExists(output);
            throw e;
        }
        return new VoiceResult(MEDIA_TYPE, spokenBytes.get() / BYTES_PER_MS);
    }

    /** Speaks on the calling thread (ffmpeg's stdin feeder) and returns how many bytes it wrote. */
    private long speak(String text, OutputStream out) throws IOException, InterruptedException {
        turn.lockInterruptibly();
        try {
            if (voice == null) {
                voice = FreeTtsVoice.allocate();
            }
            StoppableText speakable = new StoppableText(text);
            PcmPipe pipe = new PcmPipe(out, speakable);
            voice.setAudioPlayer(pipe);
            boolean spoken = voice.speak(speakable);
            pipe.checkNoFailure();
            if (!spoken || pipe.bytes() == 0) {
                throw new IOException("FreeTTS produced no speech for the text");
            }
            return pipe.bytes();
        } finally {
            turn.unlock();
        }
    }

    /** Speech renders at about 100 times real time; the deadline only catches a stuck process. */
    private static Duration timeoutFor(String text) {
        return Duration.ofSeconds(60).plusMillis(text.length() * 20L);
    }

    @Override
    public void close() {
        turn.lock();
        try {
            if (voice != null) {
                voice.deallocate();
                voice = null;
            }
        } finally {
            turn.unlock();
        }
    }
}
