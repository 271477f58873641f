package dev.atelier.providers.local.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What a prompt asks of the music: tempo, major or minor, whether drums play, and which General
 * MIDI instruments carry the melody and the chords. Words decide when present, the seed otherwise.
 *
 * @param leadProgram  General MIDI program of the melody
 * @param chordProgram General MIDI program of the harmony
 * @param arpeggiate   plucked and struck instruments arpeggiate; bowed, blown and sung ones hold
 */
record Mood(int bpm, boolean minor, boolean drums, int leadProgram, int chordProgram, boolean arpeggiate,
            int velocity) {

    private static final Set<String> SLOW = Set.of("calm", "slow", "peaceful", "gentle", "ambient", "relaxing",
            "sleepy", "soft", "quiet", "lullaby", "dreamy", "meditation");
    private static final Set<String> FAST = Set.of("upbeat", "fast", "energetic", "dance", "party", "lively",
            "driving", "rock", "action", "exciting");
    private static final Set<String> MINOR = Set.of("sad", "dark", "melancholy", "melancholic", "minor", "mysterious",
            "tense", "somber", "gloomy", "rain", "lonely", "night", "haunting");
    private static final Set<String> MAJOR = Set.of("happy", "bright", "joyful", "joy", "sunny", "major", "cheerful",
            "hopeful", "triumphant", "upbeat");
    private static final Set<String> DRUMS = Set.of("drums", "drum", "beat", "beats", "percussion", "groove");

    private static final Map<String, Integer> PROGRAMS = Map.ofEntries(
            Map.entry("piano", 0), Map.entry("keys", 4), Map.entry("celesta", 8), Map.entry("bells", 14),
            Map.entry("vibraphone", 11), Map.entry("organ", 19), Map.entry("guitar", 24), Map.entry("violin", 40),
            Map.entry("cello", 42), Map.entry("harp", 46), Map.entry("strings", 48), Map.entry("orchestra", 48),
            Map.entry("choir", 52), Map.entry("trumpet", 56), Map.entry("brass", 61), Map.entry("sax", 65),
            Map.entry("saxophone", 65), Map.entry("clarinet", 71), Map.entry("flute", 73), Map.entry("synth", 81),
            Map.entry("pad", 89));
    private static final Set<Integer> STRUCK_OR_PLUCKED = Set.of(0, 4, 8, 11, 14, 24, 46);

    static Mood from(PromptWords prompt, SplittableRandom random) {
        boolean slow = prompt.mentionsAny(SLOW);
        boolean fast = !slow && prompt.mentionsAny(FAST);
        int bpm = slow ? 66 + random.nextInt(14) : fast ? 120 + random.nextInt(20) : 90 + random.nextInt(18);
        boolean minor = prompt.mentionsAny(MINOR) || (!prompt.mentionsAny(MAJOR) && random.nextInt(3) == 0);
        boolean drums = (prompt.mentionsAny(DRUMS) || fast) && !refusesDrums(prompt.words());
        List<Integer> named = prompt.words().stream().filter(PROGRAMS::containsKey).map(PROGRAMS::get).distinct().toList();
        int lead = named.isEmpty() ? (slow ? 73 : 0) : named.getFirst();
        int chords = named.size() > 1 ? named.get(1) : lead == 0 ? (slow ? 48 : 0) : lead == 48 ? 46 : 48;
        int velocity = slow ? 70 : fast ? 96 : 84;
        return new Mood(bpm, minor, drums, lead, chords, STRUCK_OR_PLUCKED.contains(chords), velocity);
    }

    /** "no drums", "without percussion". */
    private static boolean refusesDrums(List<String> words) {
        for (int i = 1; i < words.size(); i++) {
            if (DRUMS.contains(words.get(i)) && Set.of("no", "without").contains(words.get(i - 1))) {
                return true;
            }
        }
        return false;
    }
}
