package dev.atelier.providers.local.engine;

import com.sun.speech.freetts.audio.AudioPlayer;
import java.io.IOException;
import java.io.OutputStream;
import javax.sound.sampled.AudioFormat;

/**
 * A FreeTTS audio player that sends the samples down a stream (ffmpeg's stdin) instead of to a
 * sound card. A write that fails, or an interrupt of the speaking thread, stops the text, so
 * FreeTTS gives up at its next check instead of synthesising the rest for nobody.
 */
final class PcmPipe implements AudioPlayer {

    /** What the kevin16 diphone voice produces; ffmpeg is told this before the first sample. */
    static final AudioFormat FORMAT = new AudioFormat(16_000f, 16, 1, true, true);

    private final OutputStream out;
    private final StoppableText text;
    private AudioFormat format = FORMAT;
    private long bytes;
    private Exception failure;

    PcmPipe(OutputStream out, StoppableText text) {
        this.out = out;
        this.text = text;
    }

    long bytes() {
        return bytes;
    }

    /** Throws what went wrong while writing, if anything did. */
    void checkNoFailure() throws IOException, InterruptedException {
        if (failure instanceof InterruptedException e) {
            throw e;
        }
        if (failure instanceof IOException e) {
            throw e;
        }
    }

    @Override
    public void setAudioFormat(AudioFormat proposed) {
        if (!proposed.matches(FORMAT)) {
            fail(new IOException("FreeTTS speaks in " + proposed + ", expected " + FORMAT));
        }
        format = proposed;
    }

    @Override
    public boolean write(byte[] audio, int offset, int length) {
        if (text.stopped()) {
            return true;
        }
        if (Thread.currentThread().isInterrupted()) {
            fail(new InterruptedException("speech was cancelled"));
            return true;
        }
        try {
            out.write(audio, offset, length);
            bytes += length;
        } catch (IOException e) {
            fail(e);
        }
        return true;
    }

    private void fail(Exception e) {
        if (failure == null) {
            failure = e;
        }
        text.stop();
    }

    @Override public boolean write(byte[] audio) { return write(audio, 0, audio.length); }
    @Override public AudioFormat getAudioFormat() { return format; }
    @Override public void pause() {}
    @Override public void resume() {}
    @Override public void reset() {}
    @Override public boolean drain() { return true; }
    @Override public void begin(int size) {}
    @Override public boolean end() { return true; }
    @Override public void cancel() { text.stop(); }
    @Override public void close() {}
    @Override public float getVolume() { return 1f; }
    @Override public void setVolume(float volume) {}
    @Override public long getTime() { return 0; }
    @Override public void resetTime() {}
    @Override public void startFirstSampleTimer() {}
    @Override public void showMetrics() {}
}
