package org.teachbox.training;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.teachbox.project.ModelKind;

/** A queued or running job. Cancelling is cooperative: the trainer checks the flag every step. */
public final class TrainingJob {

    private final UUID id = UUID.randomUUID();
    private final TrainingRequest request;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<EpochProgress> epochs = new CopyOnWriteArrayList<>();
    private volatile TrainingEvent lastEvent;
    private final ModelKind kind;
    private final long cost;
    private final long queuedAtNanos = System.nanoTime();
    static final String CANCELLED = "train.cancelled";
    static final String BY_TEACHER = "train.cancelled.teacher";
    static final String TOO_LONG = "train.error.too-long";

    private volatile long deadlineNanos;
    private volatile String stopKey = CANCELLED;

    TrainingJob(TrainingRequest request) {
        this(request, ModelKind.IMAGE, 0);
    }

    /** @param cost pictures × epochs, what the queue budgets and estimates with */
    TrainingJob(TrainingRequest request, ModelKind kind, long cost) {
        this.request = request;
        this.kind = kind;
        this.cost = cost;
    }

    ModelKind kind() {
        return kind;
    }

    long cost() {
        return cost;
    }

    /**
     * Whether this training takes a second or two rather than many: the pretrained kind trains a
     * small head on stored embeddings, digits a small MLP; only the small CNN from scratch is long.
     */
    boolean isQuick() {
        return kind != ModelKind.IMAGE;
    }

    /** When the job was queued, on System.nanoTime's clock. */
    long queuedAtNanos() {
        return queuedAtNanos;
    }

    public UUID id() {
        return id;
    }

    public TrainingRequest request() {
        return request;
    }

    public UUID projectId() {
        return request.projectId();
    }

    public Purpose purpose() {
        return request.purpose();
    }

    /** The newest event, so a page opened mid-run can show where the run is. */
    public TrainingEvent lastEvent() {
        return lastEvent;
    }

    /** The epochs finished so far, so a page opened mid-run can draw the curves up to now. */
    public List<EpochProgress> epochs() {
        return List.copyOf(epochs);
    }

    void record(TrainingEvent event) {
        if (event instanceof TrainingEvent.Epoch e) {
            epochs.add(e.result());
        }
        lastEvent = event;
    }

    void cancel() {
        cancel(CANCELLED);
    }

    /** Stops the job; {@code why} is the message the learner gets (their own Cancel, or the teacher's Stop). */
    void cancel(String why) {
        stopKey = why;
        cancelled.set(true);
    }

    /** Why the job stopped, as a message key: {@link #CANCELLED} unless the teacher or the time limit stopped it. */
    String stopKey() {
        return stopKey;
    }

    /** From now on the job stops by itself once it has run for this long. */
    void startClock(java.time.Duration limit) {
        deadlineNanos = System.nanoTime() + limit.toNanos();
    }

    /** Cancelled by someone, or past its time limit (then {@link #stopKey()} is {@link #TOO_LONG}). */
    boolean isCancelled() {
        if (!cancelled.get() && deadlineNanos != 0 && System.nanoTime() - deadlineNanos > 0) {
            cancel(TOO_LONG);
        }
        return cancelled.get();
    }
}
