package dev.atelier.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds spent by the bench's server (this JVM), by the processes it started and reaped (ffmpeg)
 * and by the embedded PostgreSQL (its postmaster and every backend): unlike wall-clock time these
 * stay comparable when other work shares the machine. Linux only (reads /proc); zeros elsewhere.
 */
record CpuMeter(double jvm, double children, double postgres) {

    private static final double TICK = 100.0; // USER_HZ, 100 on every Linux this runs on

    static CpuMeter now(Path dataDirectory) {
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        long[] self = stat(Path.of("/proc/self/stat"));
        return new CpuMeter(jvm, self == null ? 0 : (self[2] + self[3]) / TICK, postgres(dataDirectory));
    }

    CpuMeter minus(CpuMeter before) {
        return new CpuMeter(jvm - before.jvm, children - before.children, postgres - before.postgres);
    }

    double total() {
        return jvm + children + postgres;
    }

    /** The postmaster (with the backends it reaped) plus its live backends. */
    private static double postgres(Path data) {
        try (Stream<Path> files = Files.walk(data, 4)) {
            Path pidFile = files.filter(f -> f.getFileName().toString().equals("postmaster.pid")).findFirst().orElse(null);
            if (pidFile == null) {
                return 0;
            }
            String pid = Files.readAllLines(pidFile).getFirst().strip();
            long ticks = 0;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    long[] s = stat(proc.resolve("stat"));
                    if (s == null) {
                        continue;
                    }
                    if (proc.getFileName().toString().equals(pid)) {
                        ticks += s[0] + s[1] + s[2] + s[3];
                    } else if (Long.toString(s[4]).equals(pid)) {
                        ticks += s[0] + s[1];
                    }
                }
            }
            return ticks / TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** utime, stime, cutime, cstime, ppid of a /proc/<pid>/stat, or null when it is gone. */
    private static long[] stat(Path file) {
        try {
            String text = Files.readString(file);
            String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14]),
                Long.parseLong(f[1])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
