package dev.atelier.providers.local.engine;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.VoiceManager;
import java.io.IOException;

/** Loads FreeTTS's 16 kHz diphone voice "kevin16" so that it speaks on the caller's thread. */
final class FreeTtsVoice {

    static final String VOICE_NAME = "kevin16";
    private static final String VOICES_PROPERTY = "freetts.voices";
    private static final String KEVIN_DIRECTORY = "com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory";

    private FreeTtsVoice() {}

    static Voice allocate() throws IOException {
        // FreeTTS finds no voice at all unless told where to look before the manager is created.
        if (System.getProperty(VOICES_PROPERTY) == null) {
            System.setProperty(VOICES_PROPERTY, KEVIN_DIRECTORY);
        }
        Voice voice = VoiceManager.getInstance().getVoice(VOICE_NAME);
        if (voice == null) {
            throw new IOException("FreeTTS has no voice " + VOICE_NAME + " (" + VOICES_PROPERTY + "="
                    + System.getProperty(VOICES_PROPERTY) + ")");
        }
        voice.allocate();
        // allocate() starts an output thread that would write the audio behind the caller's back;
        // end it, and with no output queue FreeTTS writes each utterance's audio on the speaking
        // thread, where cancellation, failures and the byte count are ours to see.
        voice.getOutputQueue().close();
        voice.setOutputQueue(null);
        return voice;
    }
}
