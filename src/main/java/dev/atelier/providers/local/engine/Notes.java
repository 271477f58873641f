package dev.atelier.providers.local.engine;

import java.util.SplittableRandom;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/** Adds notes to a track, each a note-on and a note-off, with a little seeded life in the velocity. */
record Notes(Track track, SplittableRandom random) {

    void play(int channel, int pitch, long tick, long ticks, int velocity) throws InvalidMidiDataException {
        int lively = Math.clamp(velocity + random.nextInt(-6, 7), 1, 127);
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, pitch, lively), tick));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, channel, pitch, 0), tick + ticks));
    }
}
