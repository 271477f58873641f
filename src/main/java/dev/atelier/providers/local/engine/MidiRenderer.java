package dev.atelier.providers.local.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.Track;
import javax.sound.sampled.AudioFormat;

/**
 * Plays a score through the JDK's software synthesizer (Gervill) faster than real time, with no
 * sound device: {@code AudioSynthesizer.openStream} hands back the mixed output as a stream.
 * That interface lives in the unexported {@code com.sun.media.sound}, so it is reached through
 * reflection, and the JVM needs {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED}.
 */
final class MidiRenderer {

    static final AudioFormat FORMAT = new AudioFormat(44_100f, 16, 2, true, false);
    private static final int CHUNK_FRAMES = 4_410;

    private MidiRenderer() {}

    /** Writes exactly {@code frames} frames of 44.1 kHz 16-bit little-endian stereo PCM. */
    static void render(Score score, long frames, OutputStream out) throws IOException, InterruptedException {
        Synthesizer synthesizer;
        try {
            synthesizer = MidiSystem.getSynthesizer();
        } catch (MidiUnavailableException e) {
            throw new IOException("the JDK's MIDI synthesizer is unavailable", e);
        }
        try (InputStream pcm = openStream(synthesizer)) {
            schedule(score, synthesizer.getReceiver());
            copy(pcm, frames * FORMAT.getFrameSize(), out);
        } catch (MidiUnavailableException e) {
            throw new IOException("the MIDI synthesizer has no receiver", e);
        } finally {
            synthesizer.close();
        }
    }

    private static InputStream openStream(Synthesizer synthesizer) throws IOException {
        try {
            Class<?> audioSynthesizer = Class.forName("com.sun.media.sound.AudioSynthesizer");
            if (!audioSynthesizer.isInstance(synthesizer)) {
                throw new IOException("the default synthesizer cannot render offline: " + synthesizer.getClass());
            }
            Method openStream = audioSynthesizer.getMethod("openStream", AudioFormat.class, Map.class);
            return (InputStream) openStream.invoke(synthesizer, FORMAT, Map.of());
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new IOException("this JDK has no offline MIDI rendering (com.sun.media.sound.AudioSynthesizer)", e);
        } catch (IllegalAccessException e) {
            throw new IOException("start the JVM with --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED", e);
        } catch (InvocationTargetException e) {
            throw new IOException("the MIDI synthesizer would not open", e.getCause());
        }
    }

    /**
     * Hands every note to the synthesizer up front, stamped with its time in microseconds from the
     * start of the stream; the synthesizer applies each one when its rendering reaches that time.
     */
    private static void schedule(Score score, Receiver receiver) {
        List<MidiEvent> events = new ArrayList<>();
        for (Track track : score.sequence().getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                if (track.get(i).getMessage() instanceof ShortMessage) {
                    events.add(track.get(i));
                }
            }
        }
        events.sort(Comparator.comparingLong(MidiEvent::getTick));
        for (MidiEvent event : events) {
            receiver.send(event.getMessage(), Math.round(event.getTick() * score.microsPerTick()));
        }
    }

    private static void copy(InputStream pcm, long bytes, OutputStream out) throws IOException, InterruptedException {
        byte[] buffer = new byte[CHUNK_FRAMES * FORMAT.getFrameSize()];
        for (long left = bytes; left > 0; ) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("music rendering was cancelled");
            }
            int read = pcm.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("the synthesizer's stream ended " + left + " bytes early");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }
}
