package org.teachbox.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the classroom load bench counts, whichever driver plays the learners (browsers or the
 * wire client), and the lines it prints at the end. Safe to use from every learner's thread.
 */
public final class LoadTally {

    private static final Logger log = LoggerFactory.getLogger(LoadTally.class);

    private final List<Double> roundTrips = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> arrivalTrips = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean started;
    private final Map<String, List<Double>> tripsByKind = new ConcurrentHashMap<>();
    private final List<Double> advancedTrips = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> previewAnswers = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> heatMaps = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger heatMapsRefused = new AtomicInteger();
    private final List<Double> uploadSeconds = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> waitSeconds = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();
    private final AtomicLong lastClick = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong lastVerdict = new AtomicLong(Long.MIN_VALUE);
    private final Map<String, List<Double>> verdictsByGroup = new java.util.concurrent.ConcurrentSkipListMap<>();

    /** The lesson starts: round trips from now on are the class's; those before were the pages opening. */
    void go() {
        started = true;
    }

    /**
     * A round trip to the UI endpoint, from sending to the answer, by page and what was sent.
     * Before {@link #go()} it belongs to the pages opening on a cold server, and is told apart.
     */
    public void trip(String kind, double millis) {
        if (!started) {
            arrivalTrips.add(millis);
            return;
        }
        roundTrips.add(millis);
        String key = kind.length() > 90 ? kind.substring(0, 90) : kind;
        tripsByKind.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(millis);
    }

    public void advanced(double millis) {
        advancedTrips.add(millis);
    }

    public void uploaded(double seconds) {
        uploadSeconds.add(seconds);
    }

    public void trainClicked(long nanoTime) {
        lastClick.accumulateAndGet(nanoTime, Math::max);
    }

    public void verdict(long clickNanos, long verdictNanos) {
        verdict("all", clickNanos, verdictNanos);
    }

    /** A verdict of a learner in a group (the kind of project they train), timed from their own click. */
    public void verdict(String group, long clickNanos, long verdictNanos) {
        lastVerdict.accumulateAndGet(verdictNanos, Math::max);
        waitSeconds.add((verdictNanos - clickNanos) / 1e9);
        verdictsByGroup.computeIfAbsent(group, g -> Collections.synchronizedList(new ArrayList<>()))
                .add((verdictNanos - clickNanos) / 1e9);
    }

    public void previewAnswer(double millis) {
        previewAnswers.add(millis);
    }

    public void heatMap(double millis) {
        heatMaps.add(millis);
    }

    public void heatMapRefused() {
        heatMapsRefused.incrementAndGet();
    }

    /** Something went wrong for a learner: it counts as an error and is named in the report. */
    public void error(String problem) {
        errors.incrementAndGet();
        problems.add(problem);
    }

    /** Pictures a page acknowledged that are missing when the learner looks again. */
    public void lost(int pictures, String problem) {
        lost.addAndGet(pictures);
        problems.add(problem);
    }

    public int errors() {
        return errors.get();
    }

    public int lostPictures() {
        return lost.get();
    }

    /** Each verdict's seconds from its own Train click. */
    public List<Double> verdictSeconds() {
        return List.copyOf(waitSeconds);
    }

    /**
     * The floor the class's last verdict is measured against: what the same trainings cost one
     * after another when each had the server to itself (see ClassroomLoadBench's -Dfloor).
     */
    private volatile double floorSeconds = -1;

    void floor(double seconds) {
        floorSeconds = seconds;
    }

    public int verdicts() {
        return waitSeconds.size();
    }

    public int previewAnswers() {
        return previewAnswers.size();
    }

    public int heatMapsShown() {
        return heatMaps.size();
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    void report(int students, String kind, String driver, double wall, CpuMeter.Use use) {
        problems.forEach(p -> log.warn("Problem: {}", p));
        tripsByKind.entrySet().stream()
                .sorted((a, b) -> Double.compare(pct(b.getValue(), 95), pct(a.getValue(), 95)))
                .forEach(e -> System.out.printf(Locale.ROOT, "classroom-load-trips n=%d p50_ms=%.0f p95_ms=%.0f max_ms=%.0f  %s%n",
                        e.getValue().size(), pct(e.getValue(), 50), pct(e.getValue(), 95), pct(e.getValue(), 100), e.getKey()));
        double lastVerdictSeconds = lastVerdict.get() == Long.MIN_VALUE || lastClick.get() == Long.MIN_VALUE ? -1
                : (lastVerdict.get() - lastClick.get()) / 1e9;
        System.out.printf(Locale.ROOT, "classroom-load-detail driver=%s kind=%s wall_s=%.1f upload_s_p50=%.1f upload_s_max=%.1f"
                        + " train_wait_s_p50=%.1f train_wait_s_max=%.1f advanced_ms_p50=%.0f advanced_ms_p95=%.0f"
                        + " advanced_ms_max=%.0f preview_ms_p50=%.0f preview_ms_p95=%.0f heat_map_ms_p50=%.0f heat_map_ms_p95=%.0f"
                        + " heat_maps_busy=%d round_trips=%d ui_p50_ms=%.0f opening_trips=%d opening_ms_p95=%.0f%n",
                driver, kind, wall, pct(uploadSeconds, 50), pct(uploadSeconds, 100), pct(waitSeconds, 50),
                pct(waitSeconds, 100), pct(advancedTrips, 50), pct(advancedTrips, 95), pct(advancedTrips, 100),
                pct(previewAnswers, 50), pct(previewAnswers, 95), pct(heatMaps, 50), pct(heatMaps, 95),
                heatMapsRefused.get(), roundTrips.size(), pct(roundTrips, 50), arrivalTrips.size(), pct(arrivalTrips, 95));
        System.out.printf(Locale.ROOT, "classroom-load-cpu cores=%d server_cpu_s=%.1f driver_cpu_s=%.1f"
                        + " driver_share=%.2f machine_busy=%.2f%n",
                Runtime.getRuntime().availableProcessors(), use.serverSeconds(), use.driverSeconds(),
                use.driverSeconds() / Math.max(1e-9, use.serverSeconds() + use.driverSeconds()),
                use.machineBusy());
        verdictsByGroup.forEach((group, seconds) -> System.out.printf(Locale.ROOT,
                "classroom-load-group kind=%s learners=%d click_to_verdict_s_p50=%.1f click_to_verdict_s_max=%.1f%n",
                group, seconds.size(), pct(seconds, 50), pct(seconds, 100)));
        if (floorSeconds > 0) {
            System.out.printf(Locale.ROOT, "classroom-load-floor floor_s=%.1f last_verdict_over_floor=%.2f%n",
                    floorSeconds, lastVerdictSeconds / floorSeconds);
        }
        System.out.printf(Locale.ROOT, "students=%d last_verdict_s=%.1f ui_p95_ms=%.0f errors=%d lost=%d%n",
                students, lastVerdictSeconds, pct(roundTrips, 95), errors.get(), lost.get());
    }

    static double pct(List<Double> values, int percentile) {
        List<Double> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        if (sorted.isEmpty()) {
            return -1;
        }
        Collections.sort(sorted);
        int i = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
