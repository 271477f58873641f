package dev.atelier.providers.local.engine;

import javax.sound.midi.Sequence;

/** A composed piece: its MIDI sequence, how long one tick lasts (the tempo never changes), its mood. */
record Score(Sequence sequence, double microsPerTick, Mood mood) {
}
