package dev.atelier.providers.local.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Four bars of melody over the four chords of a progression, in eighth notes and scale degrees
 * (0 = the tonic, 7 = the tonic an octave up). Strong beats land on chord tones; between them the
 * line moves mostly by step, which is what makes a random melody sound composed.
 */
record Phrase(List<Note> notes) {

    record Note(int startEighth, int eighths, int degree) {}

    private static final int[][] RHYTHMS = {{2, 2, 2, 2}, {3, 1, 2, 2}, {4, 2, 2}, {1, 1, 2, 4}, {2, 1, 1, 4},
            {2, 2, 4}, {3, 1, 3, 1}, {1, 1, 1, 1, 2, 2}};
    private static final int[][] CADENCES = {{4, 4}, {2, 2, 4}, {8}};
    private static final int[] STEPS = {-2, -1, -1, -1, 0, 1, 1, 1, 2, 3, -3};
    private static final int LOWEST = 3;
    private static final int HIGHEST = 12;

    static Phrase compose(int[] progression, SplittableRandom random) {
        List<Note> notes = new ArrayList<>();
        int degree = nearestChordTone(7, progression[0]);
        for (int bar = 0; bar < 4; bar++) {
            boolean last = bar == 3;
            int[] rhythm = last ? CADENCES[random.nextInt(CADENCES.length)] : RHYTHMS[random.nextInt(RHYTHMS.length)];
            int position = 0;
            for (int length : rhythm) {
                boolean strong = position == 0 || position == 4;
                degree = strong ? nearestChordTone(degree + STEPS[random.nextInt(STEPS.length)], progression[bar])
                        : Math.clamp(degree + STEPS[random.nextInt(STEPS.length)], LOWEST, HIGHEST);
                if (last && position + length == 8) {
                    degree = nearestChordTone(degree, 0);
                }
                boolean rest = !strong && random.nextInt(8) == 0;
                if (!rest) {
                    notes.add(new Note(bar * 8 + position, length, degree));
                }
                position += length;
            }
        }
        return new Phrase(List.copyOf(notes));
    }

    /** The chord tone (root, third or fifth of the triad on {@code chordDegree}) closest to a degree. */
    static int nearestChordTone(int degree, int chordDegree) {
        int best = degree;
        int bestDistance = Integer.MAX_VALUE;
        for (int candidate = LOWEST; candidate <= HIGHEST; candidate++) {
            int fromRoot = Math.floorMod(candidate - chordDegree, 7);
            int distance = Math.abs(candidate - degree);
            if ((fromRoot == 0 || fromRoot == 2 || fromRoot == 4) && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }
}
