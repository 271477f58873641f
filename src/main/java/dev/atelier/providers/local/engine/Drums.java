package dev.atelier.providers.local.engine;

import javax.sound.midi.InvalidMidiDataException;

/** One bar of General MIDI drums: a full kit when fast, brushes of side stick and hats when not. */
final class Drums {

    private static final int KICK = 36;
    private static final int SIDE_STICK = 37;
    private static final int SNARE = 38;
    private static final int CLOSED_HAT = 42;
    private static final int CRASH = 49;

    private Drums() {}

    static void bar(Notes notes, long start, boolean sectionStart, Mood mood) throws InvalidMidiDataException {
        boolean full = mood.bpm() >= 110;
        int v = mood.velocity();
        if (sectionStart) {
            hit(notes, CRASH, start, v - 10);
        }
        hit(notes, KICK, start, v);
        hit(notes, KICK, start + 2L * Composer.PPQ, v - 8);
        if (full) {
            hit(notes, KICK, start + 5L * Composer.EIGHTH, v - 16);
        }
        hit(notes, full ? SNARE : SIDE_STICK, start + Composer.PPQ, v - 10);
        hit(notes, full ? SNARE : SIDE_STICK, start + 3L * Composer.PPQ, v - 10);
        int hats = full ? 8 : 4;
        for (int i = 0; i < hats; i++) {
            hit(notes, CLOSED_HAT, start + (long) i * Composer.BAR / hats, v - (i % 2 == 0 ? 24 : 36));
        }
    }

    private static void hit(Notes notes, int instrument, long tick, int velocity) throws InvalidMidiDataException {
        notes.play(Composer.DRUMS, instrument, tick, Composer.EIGHTH / 2, velocity);
    }
}
