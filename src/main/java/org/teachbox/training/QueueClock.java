package org.teachbox.training;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.teachbox.project.ModelKind;

/**
 * Estimates when each waiting job will start, from what jobs of the same kind really took on
 * this server. A job's cost is pictures × epochs; each kind keeps a running average of seconds
 * per unit of cost (starting from figures measured on a two-core machine), and the workers are
 * simulated: every running job frees its worker when its estimate runs out, and each waiting job
 * takes the first worker free.
 */
final class QueueClock {

    /** How much of each new measurement goes into the average. */
    private static final double WEIGHT = 0.3;

    private final int workers;
    private final Map<ModelKind, Double> secondsPerUnit = new EnumMap<>(ModelKind.class);
    private final Map<TrainingJob, Long> runningSince = new HashMap<>();

    QueueClock(int workers) {
        this.workers = workers;
        // the small CNN trains ~700 pictures/s, the digits MLP ~5,000; the pretrained head ~10,000,
        // plus ~20 ms a new picture in the backbone, once
        secondsPerUnit.put(ModelKind.IMAGE, 1.5e-3);
        secondsPerUnit.put(ModelKind.DIGITS, 2e-4);
        secondsPerUnit.put(ModelKind.PRETRAINED, 5e-4);
    }

    synchronized void started(TrainingJob job) {
        runningSince.put(job, System.nanoTime());
    }

    /** Learns from a job that ran to its end; cancelled and failed runs say nothing about speed. */
    synchronized void finished(TrainingJob job) {
        Long since = runningSince.remove(job);
        if (since == null || job.isCancelled() || !(job.lastEvent() instanceof TrainingEvent.Finished) || job.cost() <= 0) {
            return;
        }
        double measured = (System.nanoTime() - since) / 1e9 / job.cost();
        secondsPerUnit.merge(job.kind(), measured, (old, now) -> (1 - WEIGHT) * old + WEIGHT * now);
    }

    /** Seconds from now until each job of {@code order} should start. */
    synchronized long[] estimatedStarts(List<TrainingJob> order) {
        PriorityQueue<Double> free = new PriorityQueue<>();
        long now = System.nanoTime();
        for (Map.Entry<TrainingJob, Long> running : runningSince.entrySet()) {
            double elapsed = (now - running.getValue()) / 1e9;
            free.add(Math.max(0, estimate(running.getKey()) - elapsed));
        }
        while (free.size() < workers) {
            free.add(0.0);
        }
        long[] starts = new long[order.size()];
        for (int i = 0; i < order.size(); i++) {
            double at = free.poll();
            starts[i] = Math.round(at);
            free.add(at + estimate(order.get(i)));
        }
        return starts;
    }

    private double estimate(TrainingJob job) {
        return job.cost() * secondsPerUnit.getOrDefault(job.kind(), 1e-3);
    }
}
