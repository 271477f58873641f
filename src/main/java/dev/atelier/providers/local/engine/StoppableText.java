package dev.atelier.providers.local.engine;

import com.sun.speech.freetts.FreeTTSSpeakable;
import java.io.InputStream;
import org.w3c.dom.Document;

/**
 * Plain text for FreeTTS that can be stopped: FreeTTS asks {@link #isCompleted()} between
 * utterances and before each one's audio, so a stopped text ends the speaking at the next check.
 * FreeTTS speaks on the calling thread here (see {@link FreeTtsVoice}), so when {@code speak}
 * returns everything is done and {@link #waitCompleted()} has nothing to wait for.
 */
final class StoppableText implements FreeTTSSpeakable {

    private final String text;
    private volatile boolean completed;
    private volatile boolean stopped;

    StoppableText(String text) {
        this.text = text;
    }

    void stop() {
        stopped = true;
    }

    boolean stopped() {
        return stopped;
    }

    @Override public void started() {}
    @Override public void completed() { completed = true; }
    @Override public void cancelled() { stopped = true; }
    @Override public boolean isCompleted() { return completed || stopped; }
    @Override public boolean waitCompleted() { return !stopped; }
    @Override public boolean isPlainText() { return true; }
    @Override public boolean isStream() { return false; }
    @Override public boolean isDocument() { return false; }
    @Override public String getText() { return text; }
    @Override public Document getDocument() { return null; }
    @Override public InputStream getInputStream() { return null; }
}
