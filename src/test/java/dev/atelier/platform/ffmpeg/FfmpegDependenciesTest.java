package dev.atelier.platform.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The ffmpeg and ffprobe Atelier runs start on a machine with only a JDK: every shared library
 * they need, directly or through the libraries shipped beside them (ELF {@code DT_NEEDED}, read
 * here without ldd), is either shipped with them or part of glibc, or the GCC runtime that every
 * glibc system's base install has (see docs/platform.md).
 */
class FfmpegDependenciesTest {

    /** The libraries glibc itself installs (Debian's libc6). */
    static final Set<String> GLIBC = Set.of("libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2",
            "librt.so.1", "ld-linux-x86-64.so.2", "libresolv.so.2", "libutil.so.1", "libanl.so.1");
    /** The C and C++ runtime of GCC: in every glibc distribution's base system (apt, dnf and Debian's JDK link them). */
    static final Set<String> GCC_RUNTIME = Set.of("libgcc_s.so.1", "libstdc++.so.6");

    @Test
    void everyLibraryTheBinariesNeedIsShippedWithThemOrPartOfTheBaseSystem() throws Exception {
        Ffmpeg ffmpeg = Ffmpeg.bundled();
        Path folder = ffmpeg.ffmpegBinary().getParent();
        TreeMap<String, Set<String>> neededBy = new TreeMap<>();
        Set<String> shipped = new TreeSet<>();
        Deque<Path> toRead = new ArrayDeque<>();
        toRead.add(ffmpeg.ffmpegBinary());
        toRead.add(ffmpeg.ffprobeBinary());
        Set<Path> read = new LinkedHashSet<>();
        while (!toRead.isEmpty()) {
            Path file = toRead.poll();
            if (!read.add(file)) {
                continue;
            }
            for (String library : ElfFile.needed(file)) {
                Path beside = folder.resolve(library);
                if (Files.isRegularFile(beside)) {
                    shipped.add(library);
                    toRead.add(beside);
                } else {
                    neededBy.computeIfAbsent(library, l -> new TreeSet<>()).add(file.getFileName().toString());
                }
            }
        }
        System.out.println("ffmpeg/ffprobe need, shipped with them: " + shipped);
        System.out.println("ffmpeg/ffprobe need, from the system: " + neededBy);

        assertThat(shipped).contains("libavcodec.so.62", "libavformat.so.62", "libavdevice.so.62");
        assertThat(neededBy.keySet())
                .as("system libraries needed (library -> needed by)")
                .allMatch(library -> GLIBC.contains(library) || GCC_RUNTIME.contains(library),
                        "part of glibc or the GCC runtime: " + neededBy);
        assertThat(neededBy.keySet()).doesNotContainAnyElementsOf(FfmpegBinaries.UNUSED_LIBRARIES);
    }

    @Test
    void theBinariesRunAndSayTheirVersion() throws Exception {
        String version = Ffmpeg.bundled().version(FfmpegTest.GENEROUS);
        assertThat(version).startsWith("ffmpeg version 8.");
    }
}
