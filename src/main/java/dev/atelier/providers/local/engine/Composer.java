package dev.atelier.providers.local.engine;

import java.util.SplittableRandom;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * Writes a piece for a prompt: a four-chord progression looped for as long as asked, a bass line,
 * an arpeggiated or held harmony, a melody in four-bar phrases arranged A A B A, and drums when
 * the mood is upbeat. The first bar is an introduction without melody.
 */
final class Composer {

    static final int PPQ = 480;
    static final int EIGHTH = PPQ / 2;
    static final int BAR = PPQ * 4;
    static final int LEAD = 0;
    static final int HARMONY = 1;
    static final int BASS = 2;
    static final int DRUMS = 9;

    private static final int[] MAJOR_SCALE = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR_SCALE = {0, 2, 3, 5, 7, 8, 10};
    private static final int[][] MAJOR_PROGRESSIONS = {{0, 4, 5, 3}, {0, 5, 3, 4}, {0, 3, 4, 3}, {5, 3, 0, 4}};
    private static final int[][] MINOR_PROGRESSIONS = {{0, 5, 2, 6}, {0, 3, 4, 0}, {0, 6, 5, 6}, {0, 3, 6, 4}};
    private static final int[][] ARPEGGIOS = {{0, 1, 2, 1, 0, 1, 2, 1}, {0, 2, 1, 2, 0, 2, 1, 2}, {0, 1, 2, 3, 2, 1, 2, 1}};
    private static final char[] FORM = {'A', 'A', 'B', 'A'};

    private Composer() {}

    static Score compose(PromptWords prompt, long durationMs) {
        SplittableRandom random = prompt.random("tune");
        Mood mood = Mood.from(prompt, random);
        Key key = new Key(57 + random.nextInt(9), mood.minor() ? MINOR_SCALE : MAJOR_SCALE);
        int[][] progressions = mood.minor() ? MINOR_PROGRESSIONS : MAJOR_PROGRESSIONS;
        int[] progression = progressions[random.nextInt(progressions.length)];
        int[] arpeggio = ARPEGGIOS[random.nextInt(ARPEGGIOS.length)];
        Phrase a = Phrase.compose(progression, random);
        Phrase b = Phrase.compose(progression, random);

        int microsPerQuarter = (int) Math.round(60_000_000.0 / mood.bpm());
        double microsPerTick = microsPerQuarter / (double) PPQ;
        int bars = (int) Math.ceil(durationMs * 1000.0 / (microsPerTick * BAR)) + 1;
        try {
            Sequence sequence = new Sequence(Sequence.PPQ, PPQ);
            Notes notes = new Notes(sequence.createTrack(), random);
            setUp(notes.track(), mood, microsPerQuarter);
            for (int bar = 0; bar < bars; bar++) {
                int chord = progression[bar % 4];
                long start = (long) bar * BAR;
                harmony(notes, key, chord, start, mood, arpeggio);
                bass(notes, key, chord, start, mood);
                if (bar > 0) {
                    Phrase phrase = FORM[(bar / 4) % 4] == 'A' ? a : b;
                    melody(notes, key, phrase, bar % 4, start, mood);
                }
                if (mood.drums()) {
                    Drums.bar(notes, start, bar % 8 == 0, mood);
                }
            }
            return new Score(sequence, microsPerTick, mood);
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("the composer wrote an invalid MIDI message", e);
        }
    }

    private static void setUp(Track track, Mood mood, int microsPerQuarter) throws InvalidMidiDataException {
        byte[] tempo = {(byte) (microsPerQuarter >> 16), (byte) (microsPerQuarter >> 8), (byte) microsPerQuarter};
        track.add(new MidiEvent(new MetaMessage(0x51, tempo, 3), 0));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, LEAD, mood.leadProgram(), 0), 0));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, HARMONY, mood.chordProgram(), 0), 0));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, BASS, 32, 0), 0));
    }

    private static void harmony(Notes notes, Key key, int chord, long start, Mood mood, int[] arpeggio)
            throws InvalidMidiDataException {
        int[] tones = {chord - 7, chord - 5, chord - 3, chord};
        int velocity = mood.velocity() - 18;
        if (!mood.arpeggiate()) {
            for (int i = 0; i < 3; i++) {
                notes.play(HARMONY, key.pitch(tones[i]), start, BAR - EIGHTH / 4, velocity);
            }
            return;
        }
        for (int step = 0; step < 8; step++) {
            notes.play(HARMONY, key.pitch(tones[arpeggio[step]]), start + (long) step * EIGHTH, EIGHTH * 2, velocity);
        }
    }

    private static void bass(Notes notes, Key key, int chord, long start, Mood mood) throws InvalidMidiDataException {
        int root = key.pitch(chord - 14);
        int velocity = mood.velocity() - 6;
        if (mood.bpm() >= 120) {
            int[] pattern = {0, 0, 12, 0, 0, 7, 12, 7};
            for (int step = 0; step < 8; step++) {
                notes.play(BASS, root + pattern[step], start + (long) step * EIGHTH, EIGHTH - 20, velocity);
            }
            return;
        }
        notes.play(BASS, root, start, BAR / 2 - 20, velocity);
        notes.play(BASS, key.pitch(chord - 10), start + BAR / 2, BAR / 2 - 20, velocity - 8);
    }

    private static void melody(Notes notes, Key key, Phrase phrase, int barOfPhrase, long barStart, Mood mood)
            throws InvalidMidiDataException {
        for (Phrase.Note note : phrase.notes()) {
            if (note.startEighth() / 8 == barOfPhrase) {
                long tick = barStart + (long) (note.startEighth() % 8) * EIGHTH;
                notes.play(LEAD, key.pitch(note.degree()), tick, note.eighths() * EIGHTH - 30, mood.velocity());
            }
        }
    }

    /** A tonic and a scale; pitches are asked for by scale degree, negative degrees go down. */
    record Key(int tonic, int[] scale) {
        int pitch(int degree) {
            return tonic + 12 * Math.floorDiv(degree, 7) + scale[Math.floorMod(degree, 7)];
        }
    }
}
