package org.teachbox.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The waiting line of a classroom's training jobs, fair between learners rather than projects.
 * The next job to start is the one whose learner has the fewest jobs running; among equals, the
 * one that has waited longest. So a learner's second job waits behind everyone's first, and a
 * learner with fifty projects cannot fill the machine. Each learner may have one job waiting.
 *
 * <p>Thread-safe: the pool's workers take jobs, request threads add and remove them.
 */
final class FairQueue {

    private final List<TrainingJob> waiting = new ArrayList<>(); // in arrival order
    private final Map<String, Integer> running = new HashMap<>();

    /** @return false if this learner already has a job waiting */
    synchronized boolean add(TrainingJob job) {
        String owner = job.request().owner();
        if (waiting.stream().anyMatch(j -> j.request().owner().equals(owner))) {
            return false;
        }
        waiting.add(job);
        notifyAll();
        return true;
    }

    /** Waits for the next job by the rule above and counts it as running until {@link #done}. */
    synchronized TrainingJob take() throws InterruptedException {
        while (waiting.isEmpty()) {
            wait();
        }
        TrainingJob next = order().get(0);
        waiting.remove(next);
        running.merge(next.request().owner(), 1, Integer::sum);
        return next;
    }

    synchronized int waitingCount() {
        return waiting.size();
    }

    synchronized int runningCount() {
        return running.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized void done(TrainingJob job) {
        running.computeIfPresent(job.request().owner(), (o, n) -> n > 1 ? n - 1 : null);
    }

    /** @return true if the job was still waiting (it will now never start) */
    synchronized boolean remove(TrainingJob job) {
        return waiting.remove(job);
    }

    /** The waiting jobs in the order they will start, as if no new job arrived. */
    synchronized List<TrainingJob> order() {
        List<TrainingJob> order = new ArrayList<>();
        Map<String, Integer> load = new HashMap<>(running);
        List<TrainingJob> left = new ArrayList<>(waiting);
        while (!left.isEmpty()) {
            TrainingJob best = left.get(0);
            for (TrainingJob j : left) {
                if (load.getOrDefault(j.request().owner(), 0) < load.getOrDefault(best.request().owner(), 0)) {
                    best = j;
                }
            }
            order.add(best);
            left.remove(best);
            load.merge(best.request().owner(), 1, Integer::sum);
        }
        return order;
    }
}
