package dev.atelier.platform.ffmpeg;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes what a tool reads from its stdin, for example raw PCM that ffmpeg encodes as it
 * arrives. It runs on a thread of its own and is interrupted when the run is cancelled or times
 * out; long writers should check {@link Thread#isInterrupted()}. The stream is closed for it.
 */
@FunctionalInterface
public interface StdinFeed {

    void writeTo(OutputStream stdin) throws IOException, InterruptedException;
}
