package org.openimr.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The CPU time PostgreSQL's processes have used, read from Linux's /proc: the postmaster's own and
 * that of the children it has reaped (ended backends, autovacuum workers), plus that of its live
 * children (the pool's backends, the WAL writer, the checkpointer). On this machine PostgreSQL
 * takes about as much CPU as the application, so a case's cost is not known without it.
 */
final class PostgresCpu {

    /** /proc gives process times in clock ticks (USER_HZ): 100 a second on the x86 and ARM kernels. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final long postmaster;

    PostgresCpu(String dataDirectory) {
        try {
            // postmaster.pid's first line is the postmaster's process id.
            this.postmaster = Long.parseLong(
                    Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL's process id is not readable", e);
        }
    }

    long nanos() {
        long ticks = times(postmaster, true);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            ticks += processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> childTicks(Long.parseLong(p.getFileName().toString())))
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException("/proc is not readable", e);
        }
        return ticks * NANOS_PER_TICK;
    }

    private long childTicks(long pid) {
        String[] stat = stat(pid);
        return stat != null && Long.parseLong(stat[1]) == postmaster ? times(stat, false) : 0;
    }

    private static long times(long pid, boolean withReapedChildren) {
        String[] stat = stat(pid);
        if (stat == null) {
            throw new IllegalStateException("PostgreSQL's postmaster is not running");
        }
        return times(stat, withReapedChildren);
    }

    /** utime and stime, and with them cutime and cstime (fields 14 to 17 of /proc/pid/stat). */
    private static long times(String[] stat, boolean withReapedChildren) {
        long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
        return withReapedChildren ? ticks + Long.parseLong(stat[13]) + Long.parseLong(stat[14]) : ticks;
    }

    /** The fields after the command name (which may hold spaces), from the state on; null if the process ended. */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return null;
        }
    }
}
