package org.teachbox.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time used by the server process and by everything else this JVM started (Playwright's
 * drivers and their browsers), read from Linux's /proc. A process that ended and was waited for
 * counts in its parent's "children" times, so browsers closed before the end are not lost.
 */
final class CpuMeter {

    /** Linux's clock ticks a second (USER_HZ), 100 on every usual kernel. */
    private static final double TICKS = 100.0;

    record Use(double serverSeconds, double driverSeconds, double machineBusy) {
    }

    private final long serverPid;
    private final double server0;
    private final double driver0;
    private final long[] machine0;

    private CpuMeter(long serverPid) {
        this.serverPid = serverPid;
        this.server0 = seconds(serverPid, true);
        this.driver0 = driverSeconds();
        this.machine0 = machine();
    }

    static CpuMeter start(long serverPid) {
        return new CpuMeter(serverPid);
    }

    Use stop() {
        long[] machine = machine();
        double total = machine[0] - machine0[0];
        double busy = total <= 0 ? -1 : (total - (machine[1] - machine0[1])) / total;
        return new Use(seconds(serverPid, true) - server0, driverSeconds() - driver0, busy);
    }

    /** CPU seconds the driver has used since the start, for a log line at a phase's end. */
    double driverSoFar() {
        return driverSeconds() - driver0;
    }

    double serverSoFar() {
        return seconds(serverPid, true) - server0;
    }

    private double driverSeconds() {
        ProcessHandle self = ProcessHandle.current();
        double sum = seconds(self.pid(), true);
        List<ProcessHandle> live = self.descendants().toList();
        for (ProcessHandle p : live) {
            if (p.pid() != serverPid && p.parent().map(ProcessHandle::pid).orElse(-1L) != serverPid) {
                sum += seconds(p.pid(), true);
            }
        }
        return sum;
    }

    /** utime + stime (+ the waited-for children's) of one process, in seconds; 0 once it is gone. */
    private static double seconds(long pid, boolean withChildren) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the name: state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17), here from index 0 = field 3
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (withChildren) {
                ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return ticks / TICKS;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** {all ticks, idle + iowait ticks} of the whole machine. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                all += Long.parseLong(f[i]);
            }
            return new long[] {all, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
