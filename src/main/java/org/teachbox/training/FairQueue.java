package org.teachbox.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The waiting line of a classroom's training jobs, fair between learners rather than projects,
 * with quick trainings first. The rule, as a teacher can say it:
 * <ol>
 *   <li>a learner with fewer trainings running goes first (so a learner's second job waits behind
 *   everyone's first, and fifty projects cannot fill the machine);</li>
 *   <li>then quick trainings go ahead of long ones: a photo project on the pretrained network or
 *   a digits project trains in a second or two, a small network from scratch takes many;</li>
 *   <li>but a long training is passed by at most {@value #MAX_PASSED} quick ones: after that it
 *   goes in turn, so nobody waits for ever;</li>
 *   <li>otherwise, whoever waited longest.</li>
 * </ol>
 * Each learner may have one job waiting.
 *
 * <p>Thread-safe: the pool's workers take jobs, request threads add and remove them.
 */
final class FairQueue {

    /** How many quick trainings may go ahead of one long training that was waiting before them. */
    static final int MAX_PASSED = 4;

    private final List<TrainingJob> waiting = new ArrayList<>(); // in arrival order
    private final Map<String, Integer> running = new HashMap<>();
    private final Map<TrainingJob, Integer> passed = new HashMap<>();

    /** @return false if this learner already has a job waiting */
    synchronized boolean add(TrainingJob job) {
        String owner = job.request().owner();
        if (waiting.stream().anyMatch(j -> j.request().owner().equals(owner))) {
            return false;
        }
        waiting.add(job);
        passed.put(job, 0);
        notifyAll();
        return true;
    }

    /** Waits for the next job by the rule above and counts it as running until {@link #done}. */
    synchronized TrainingJob take() throws InterruptedException {
        while (waiting.isEmpty()) {
            wait();
        }
        TrainingJob next = next(waiting, running, passed);
        // every long job that was waiting before it and is now passed by it
        for (TrainingJob j : waiting.subList(0, waiting.indexOf(next))) {
            if (!j.isQuick()) {
                passed.merge(j, 1, Integer::sum);
            }
        }
        waiting.remove(next);
        passed.remove(next);
        running.merge(next.request().owner(), 1, Integer::sum);
        return next;
    }

    synchronized void done(TrainingJob job) {
        running.computeIfPresent(job.request().owner(), (o, n) -> n > 1 ? n - 1 : null);
    }

    /** @return true if the job was still waiting (it will now never start) */
    synchronized boolean remove(TrainingJob job) {
        passed.remove(job);
        return waiting.remove(job);
    }

    synchronized int waitingCount() {
        return waiting.size();
    }

    synchronized int runningCount() {
        return running.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** How many quick trainings have gone ahead of this waiting job so far. */
    synchronized int passedBy(TrainingJob job) {
        return passed.getOrDefault(job, 0);
    }

    /** The waiting jobs in the order they will start, as if no new job arrived. */
    synchronized List<TrainingJob> order() {
        List<TrainingJob> order = new ArrayList<>();
        Map<String, Integer> load = new HashMap<>(running);
        Map<TrainingJob, Integer> passing = new HashMap<>(passed);
        List<TrainingJob> left = new ArrayList<>(waiting);
        while (!left.isEmpty()) {
            TrainingJob best = next(left, load, passing);
            for (TrainingJob j : left.subList(0, left.indexOf(best))) {
                if (!j.isQuick()) {
                    passing.merge(j, 1, Integer::sum);
                }
            }
            order.add(best);
            left.remove(best);
            load.merge(best.request().owner(), 1, Integer::sum);
        }
        return order;
    }

    /** The rule of the class comment, on a line in arrival order. */
    private static TrainingJob next(List<TrainingJob> line, Map<String, Integer> load, Map<TrainingJob, Integer> passed) {
        int least = Integer.MAX_VALUE;
        for (TrainingJob j : line) {
            least = Math.min(least, load.getOrDefault(j.request().owner(), 0));
        }
        List<TrainingJob> fairest = new ArrayList<>();
        for (TrainingJob j : line) {
            if (load.getOrDefault(j.request().owner(), 0) == least) {
                fairest.add(j);
            }
        }
        TrainingJob first = fairest.getFirst();
        if (first.isQuick()) {
            return first;
        }
        // the longest-waiting job is long: a quick one may pass it, unless it has been passed enough
        if (passed.getOrDefault(first, 0) >= MAX_PASSED) {
            return first;
        }
        return fairest.stream().filter(TrainingJob::isQuick).findFirst().orElse(first);
    }
}
