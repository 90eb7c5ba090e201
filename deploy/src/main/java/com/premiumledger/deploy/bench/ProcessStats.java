package com.premiumledger.deploy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory and CPU time of a process, from /proc (Linux). */
final class ProcessStats {

    // USER_HZ is 100 on every Linux the JDK supports in practice.
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessStats() {
    }

    /** VmRSS in megabytes, or -1 where /proc is missing. */
    static double residentMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kilobytes = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return Latencies.round(kilobytes / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux or the process is gone: the figure is reported as missing.
        }
        return -1;
    }

    /** User + system CPU seconds the process has used so far, or -1 where /proc is missing. */
    static double cpuSeconds(long pid) {
        try {
            return cpuSeconds(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU seconds the JVM's JIT compiler threads ({@code C1/C2 CompilerThread*}) have used so far: CPU a process
     * spends compiling its hot code rather than running it, which a process that has not run long pays on top. The
     * thread names are the kernel's (15 characters: {@code C2 CompilerThre}). 0 where /proc is missing.
     */
    static double compilerCpuSeconds(long pid) {
        double seconds = 0;
        try (var threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads.toList()) {
                try {
                    if (Files.readString(thread.resolve("comm")).matches("C[12] CompilerThre.*\\s*")) {
                        seconds += cpuSeconds(thread.resolve("stat"));
                    }
                } catch (IOException | RuntimeException e) {
                    // The thread ended between the listing and the read.
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return seconds;
    }

    private static double cpuSeconds(Path stat) throws IOException {
        String text = Files.readString(stat);
        // The command name (field 2) may contain spaces; the fields after its closing parenthesis do not.
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }
}
