package dev.atelier.platform.ffmpeg;

import java.io.IOException;

/**
 * ffmpeg or ffprobe could not be found, exited with an error, or ran out of time. The message
 * carries the end of what the tool wrote to stderr, which is where ffmpeg explains itself.
 */
public class FfmpegException extends IOException {

    private final String stderrTail;

    public FfmpegException(String message, String stderrTail) {
        this(message, stderrTail, null);
    }

    public FfmpegException(String message, String stderrTail, Throwable cause) {
        super(stderrTail.isBlank() ? message : message + ": " + stderrTail.strip(), cause);
        this.stderrTail = stderrTail;
    }

    /** The last few kilobytes of the tool's stderr, possibly empty. */
    public String stderrTail() {
        return stderrTail;
    }
}
