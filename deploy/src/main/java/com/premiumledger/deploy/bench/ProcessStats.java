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
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may contain spaces; the fields after its closing parenthesis do not.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
