package org.teachbox.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.teachbox.engine.TrainResult.Status;
import org.teachbox.engine.layers.Dense;
import org.teachbox.engine.layers.Layer;

/**
 * Mini-batch training. Every epoch the training set is reshuffled and cut into batches; for each
 * batch the model runs forward, the loss gradient runs backward, and the optimizer takes one step.
 *
 * <p><b>Parallelism without randomness.</b> A batch is always cut into the same {@link #PARTS}
 * parts, whatever the number of threads. Each part runs on its own model replica (shared weights,
 * own gradients), and the parts' gradients are then added up in part order. Threads only decide
 * <i>who</i> computes a part, never <i>what</i> is computed or in which order it is summed, so
 * the same seed gives bit-identical loss curves on 1 thread or 8. Augmentation and dropout draw
 * from random streams named by (epoch, step, sample) for the same reason.
 *
 * <p>At the end the model holds the weights of the epoch with the highest validation accuracy
 * (lowest validation loss among equals; the last completed epoch if there is no validation set,
 * or if the config says {@link TrainConfig.Keep#LAST_EPOCH}), also after a cancel or a divergence.
 */
public final class Trainer {
    /** Parts per batch: fixed, so results do not depend on the thread count. */
    static final int PARTS = 8;
    /** Validation runs in chunks of this many images per part. */
    private static final int EVAL_CHUNK = 32;
    /** Floats per piece of work when the gradients are summed. */
    private static final int REDUCE_PIECE = 16 * 1024;

    private final TrainConfig config;

    public Trainer(TrainConfig config) {
        this.config = config;
    }

    public TrainResult fit(Model model, Dataset train, Dataset validation, TrainingListener listener,
                           BooleanSupplier cancelled) {
        check(model, train);
        if (validation == null) {
            validation = new Dataset(train.channels(), train.height(), train.width());
        }
        check(model, validation);
        if (train.size() == 0) {
            throw new IllegalArgumentException("the training set is empty");
        }
        if (config.classWeights() != null && config.classWeights().length != model.numClasses()) {
            throw new IllegalArgumentException("need one class weight per class (" + model.numClasses() + ")");
        }
        TrainingListener events = listener == null ? new TrainingListener() {} : listener;
        BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
        config.optimizer().reset();
        ExecutorService pool = config.threads() > 1 ? Executors.newFixedThreadPool(config.threads(), r -> {
            Thread t = new Thread(r, "teachbox-trainer");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            return new Run(model, train, validation, events, stop, pool).execute();
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static void check(Model model, Dataset data) {
        if (data.channels() != model.inputChannels() || data.height() != model.inputHeight()
                || data.width() != model.inputWidth()) {
            throw new IllegalArgumentException("dataset images are " + data.channels() + "x" + data.height() + "x"
                    + data.width() + " but the model expects " + model.inputChannels() + "x" + model.inputHeight()
                    + "x" + model.inputWidth());
        }
        for (int i = 0; i < data.size(); i++) {
            if (data.label(i) >= model.numClasses()) {
                throw new IllegalArgumentException("label " + data.label(i) + " but the model has "
                        + model.numClasses() + " classes");
            }
        }
    }

    /** One training run: its state lives here so the Trainer itself stays reusable. */
    private final class Run {
        private final Model model;
        private final Dataset train;
        private final Dataset validation;
        private final TrainingListener listener;
        private final BooleanSupplier cancelled;
        private final ExecutorService pool;
        private final Worker[] workers;
        private final List<EpochResult> history = new ArrayList<>();
        private float[][] bestWeights;
        private int bestEpoch;
        private float improvedAccuracy = Float.NEGATIVE_INFINITY;
        private float improvedLoss = Float.POSITIVE_INFINITY;
        private int improvedEpoch;
        private float bestLoss = Float.POSITIVE_INFINITY;
        private float bestAccuracy = Float.NEGATIVE_INFINITY;
        /** First step of the head that runs once per batch (0: the whole net is a head, an MLP). */
        private final int head;
        private final boolean hasHead; // false: every step runs per part (a net of image layers only)
        private final Model headModel; // the replica whose head steps run the whole batch (null without a head)
        private final int bodyParameters; // entries of parameters() owned by the steps before the head
        private final int[][] reduceItems; // {parameter, from, to}: the reduction's work, in even pieces
        private Tensor headIn;
        private Tensor headGradLogits;
        private int[] headLabels = new int[0];
        private double stepLoss;
        private int stepCorrect;

        Run(Model model, Dataset train, Dataset validation, TrainingListener listener, BooleanSupplier cancelled,
            ExecutorService pool) {
            this.model = model;
            this.train = train;
            this.validation = validation;
            this.listener = listener;
            this.cancelled = cancelled;
            this.pool = pool;
            this.workers = new Worker[PARTS];
            for (int p = 0; p < workers.length; p++) {
                workers[p] = new Worker(model.replica());
            }
            int h = model.headStart();
            this.hasHead = h < model.stepCount();
            this.head = hasHead ? h : 0;
            this.headModel = hasHead ? model.replica() : null;
            if (headModel != null) {
                for (Layer layer : headModel.layers()) {
                    if (layer instanceof Dense dense) {
                        dense.runOn(this::parallel);
                    }
                }
            }
            this.bodyParameters = hasHead ? model.parametersBefore(head) : model.parameters().size();
            List<int[]> items = new ArrayList<>();
            for (int i = 0; i < model.parameters().size(); i++) {
                int size = model.parameters().get(i).size();
                for (int a = 0; a < size; a += REDUCE_PIECE) {
                    items.add(new int[] {i, a, Math.min(size, a + REDUCE_PIECE)});
                }
            }
            this.reduceItems = items.toArray(new int[0][]);
        }

        TrainResult execute() {
            int epochs = config.epochs();
            int batch = config.batchSize();
            int steps = (train.size() + batch - 1) / batch;
            for (int epoch = 1; epoch <= epochs; epoch++) {
                int[] order = shuffled(train.size(), Seeds.mix(config.seed(), 3, epoch));
                long start = System.nanoTime();
                double lossSum = 0;
                int correct = 0;
                int seen = 0;
                for (int step = 1; step <= steps; step++) {
                    if (cancelled.getAsBoolean()) {
                        return finish(Status.CANCELLED);
                    }
                    int from = (step - 1) * batch;
                    int n = Math.min(batch, train.size() - from);
                    float loss = trainStep(order, from, n, epoch, step);
                    if (!Float.isFinite(loss)) {
                        return finish(Status.DIVERGED);
                    }
                    config.optimizer().step(model.parameters());
                    lossSum += (double) loss * n;
                    correct += stepCorrect;
                    seen += n;
                    listener.onStep(new StepProgress(epoch, epochs, step, steps, loss, rate(seen, start)));
                }
                double imagesPerSecond = rate(seen, start);
                float valLoss = Float.NaN;
                float valAccuracy = Float.NaN;
                if (validation.size() > 0) {
                    double[] lossAndCorrect = evaluate(validation);
                    valLoss = (float) (lossAndCorrect[0] / validation.size());
                    valAccuracy = (float) (lossAndCorrect[1] / validation.size());
                }
                EpochResult result = new EpochResult(epoch, epochs, (float) (lossSum / seen), (float) correct / seen,
                        valLoss, valAccuracy, imagesPerSecond);
                history.add(result);
                // early stopping counts from the last better validation epoch, whichever epoch is kept
                if (validation.size() > 0 && (valAccuracy > improvedAccuracy
                        || (valAccuracy == improvedAccuracy && valLoss < improvedLoss))) {
                    improvedAccuracy = valAccuracy;
                    improvedLoss = valLoss;
                    improvedEpoch = epoch;
                }
                // "Best" is what a learner would pick: the most validation images right. Loss only
                // breaks ties; choosing by loss alone keeps a do-nothing first epoch whenever
                // skewed data makes the loss on the rare class climb while accuracy improves.
                if (validation.size() == 0 || config.keep() == TrainConfig.Keep.LAST_EPOCH
                        || valAccuracy > bestAccuracy
                        || (valAccuracy == bestAccuracy && valLoss < bestLoss)) {
                    bestLoss = validation.size() == 0 ? bestLoss : valLoss;
                    bestAccuracy = validation.size() == 0 ? bestAccuracy : valAccuracy;
                    bestEpoch = epoch;
                    bestWeights = model.snapshot();
                }
                listener.onEpoch(result);
                // early stopping: no better validation epoch for `patience` epochs, so more would only memorise
                if (config.patience() > 0 && validation.size() > 0 && epoch - improvedEpoch >= config.patience()) {
                    break;
                }
            }
            return finish(Status.COMPLETED);
        }

        private TrainResult finish(Status status) {
            if (bestWeights != null) {
                model.restore(bestWeights);
            }
            return new TrainResult(status, List.copyOf(history), bestEpoch);
        }

        /** Forward and backward over one batch, split into parts; returns the batch loss. */
        private float trainStep(int[] order, int from, int n, int epoch, int step) {
            // Keras/TF.js class_weight semantics: each sample's loss is scaled by its class weight
            // and the batch is averaged over its size. (Dividing by the sum of the weights, as
            // PyTorch does, cancels the weights in every batch without a rare-class image, which
            // on a 10% class is most batches, and the bias lab's fix barely moved anything.)
            float normaliser = n;
            int parts = Math.min(PARTS, config.batchSize());
            long stepSeed = Seeds.mix(config.seed(), 1, epoch, step);
            if (hasHead) {
                trainStepWithHead(order, from, n, normaliser, stepSeed, parts);
            } else {
                parallel(parts, p -> {
                    Worker w = workers[p];
                    int a = from + p * n / parts;
                    int b = from + (p + 1) * n / parts;
                    w.train(order, a, b, normaliser, stepSeed, a - from, p);
                });
                stepLoss = 0;
                stepCorrect = 0;
                for (int p = 0; p < parts; p++) {
                    stepLoss += workers[p].lossSum;
                    stepCorrect += workers[p].correct;
                }
            }
            reduceGradients(parts);
            return (float) (stepLoss / normaliser);
        }

        /**
         * The step for networks with image layers and then a dense head (RefCNN): the parts run
         * the image layers forward, the head runs once over the whole batch, and the parts run
         * the image layers backward. The head's weights are most of the model (RefCNN's first
         * dense kernel is 4096 x 64, a megabyte) but little of its arithmetic: run per part of two
         * images, every part streamed the whole kernel three times (forward, kernel gradient,
         * input gradient) and the trainer then zeroed and summed eight kernel-sized gradients.
         * Once per batch, the matrix products get 16 rows, and the gradient needs no reduction.
         * The head's dense layers split their products over the same threads (see
         * {@link Dense#runOn}); every output is still computed by one task in a fixed order, so the
         * result is the same whatever the number of threads. A net without image layers (the
         * digits MLP, or the head on a pretrained backbone's embeddings) is all head: the parts
         * only pick and augment their images.
         */
        private void trainStepWithHead(int[] order, int from, int n, float normaliser, long stepSeed, int parts) {
            parallel(parts, p -> {
                Worker w = workers[p];
                int a = from + p * n / parts;
                int b = from + (p + 1) * n / parts;
                w.forwardBody(order, a, b, stepSeed, a - from, p);
            });
            Shape body = head == 0 ? model.inputShape() : model.stepOutputShape(head - 1);
            int d = body.size();
            headIn = Tensor.reuse(headIn, n, body.c(), body.h(), body.w());
            headLabels = headLabels.length < n ? new int[n] : headLabels;
            for (int p = 0; p < parts; p++) {
                Worker w = workers[p];
                int a = p * n / parts;
                int count = (p + 1) * n / parts - a;
                if (count > 0) {
                    System.arraycopy(w.bodyOut.data, 0, headIn.data, a * d, count * d);
                    System.arraycopy(w.labels, 0, headLabels, a, count);
                }
            }
            for (int i = bodyParameters; i < headModel.parameters().size(); i++) {
                headModel.parameters().get(i).zeroGrad();
            }
            headModel.reseed(Seeds.mix(stepSeed, -1, PARTS));
            Tensor logits = headModel.forward(head, headModel.stepCount(), headIn, true);
            headGradLogits = Tensor.reuse(headGradLogits, n, logits.c, 1, 1);
            stepLoss = SoftmaxCrossEntropy.lossAndGradient(logits, headLabels, 0, config.classWeights(), normaliser,
                    headGradLogits);
            stepCorrect = countCorrect(logits, headLabels);
            Tensor gradBody = headModel.backward(head, headModel.stepCount(), headGradLogits);
            if (head == 0) {
                return; // an MLP: no image steps to run backward
            }
            parallel(parts, p -> {
                int a = p * n / parts;
                int count = (p + 1) * n / parts - a;
                workers[p].backwardBody(gradBody.data, a * d, count, body);
            });
        }

        /**
         * master.grad = worker 0's grad + worker 1's grad + ..., always in this order; for the
         * head (if any), the head replica's grad. The parameters are cut into pieces of equal
         * size so both threads get a fair share (RefCNN's dense kernel alone is 90% of it).
         */
        private void reduceGradients(int parts) {
            List<Parameter> master = model.parameters();
            parallel(reduceItems.length, item -> {
                int i = reduceItems[item][0], from = reduceItems[item][1], to = reduceItems[item][2];
                float[] sum = master.get(i).grad;
                if (i >= bodyParameters) {
                    System.arraycopy(headModel.parameters().get(i).grad, from, sum, from, to - from);
                    return;
                }
                System.arraycopy(workers[0].model.parameters().get(i).grad, from, sum, from, to - from);
                for (int p = 1; p < parts; p++) {
                    float[] g = workers[p].model.parameters().get(i).grad;
                    for (int j = from; j < to; j++) {
                        sum[j] += g[j];
                    }
                }
            });
        }

        /** Unweighted loss sum and number of correct predictions over a whole dataset. */
        private double[] evaluate(Dataset data) {
            int parts = workers.length;
            parallel(parts, p -> workers[p].evaluate(data, p * data.size() / parts, (p + 1) * data.size() / parts));
            double loss = 0;
            int correct = 0;
            for (int p = 0; p < parts; p++) {
                loss += workers[p].lossSum;
                correct += workers[p].correct;
            }
            return new double[] {loss, correct};
        }

        /** Runs task(0..count-1); thread t takes items t, t + threads, ... so the split is fixed. */
        private void parallel(int count, IntConsumer task) {
            int threads = Math.min(config.threads(), count);
            if (pool == null || threads <= 1) {
                for (int i = 0; i < count; i++) {
                    task.accept(i);
                }
                return;
            }
            List<Callable<Void>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                jobs.add(() -> {
                    for (int i = first; i < count; i += threads) {
                        task.accept(i);
                    }
                    return null;
                });
            }
            try {
                for (Future<Void> f : pool.invokeAll(jobs)) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("training interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        /** One part's model replica and its buffers. */
        private final class Worker {
            final Model model;
            Tensor input;
            Tensor gradLogits;
            int[] labels = new int[0];
            double lossSum;
            int correct;

            Worker(Model model) {
                this.model = model;
            }

            void train(int[] order, int from, int to, float normaliser, long stepSeed, int firstInBatch, int part) {
                model.zeroGrad();
                lossSum = 0;
                correct = 0;
                int n = to - from;
                if (n == 0) {
                    return;
                }
                prepareInput(order, from, n, stepSeed, firstInBatch);
                model.reseed(Seeds.mix(stepSeed, -1, part));
                Tensor logits = model.forward(input, true);
                gradLogits = Tensor.reuse(gradLogits, n, logits.c, 1, 1);
                lossSum = SoftmaxCrossEntropy.lossAndGradient(logits, labels, 0, config.classWeights(), normaliser,
                        gradLogits);
                correct = countCorrect(logits, labels);
                model.backward(gradLogits);
            }

            Tensor bodyOut;
            Tensor bodyGrad;

            /** The image steps of a part: augments it and runs it up to the head; keeps labels. */
            void forwardBody(int[] order, int from, int to, long stepSeed, int firstInBatch, int part) {
                for (int i = 0; i < bodyParameters; i++) {
                    model.parameters().get(i).zeroGrad();
                }
                int n = to - from;
                if (n == 0) {
                    return;
                }
                prepareInput(order, from, n, stepSeed, firstInBatch);
                model.reseed(Seeds.mix(stepSeed, -1, part));
                bodyOut = model.forward(0, head, input, true);
            }

            /** The image steps backward, from rows [off, off + n * size) of the head's input gradient. */
            void backwardBody(float[] grad, int off, int n, Shape body) {
                if (n == 0) {
                    return;
                }
                bodyGrad = Tensor.reuse(bodyGrad, n, body.c(), body.h(), body.w());
                System.arraycopy(grad, off, bodyGrad.data, 0, n * body.size());
                model.backward(0, head, bodyGrad);
            }

            private void prepareInput(int[] order, int from, int n, long stepSeed, int firstInBatch) {
                Shape s = model.inputShape();
                input = Tensor.reuse(input, n, s.c(), s.h(), s.w());
                labels = labels.length < n ? new int[n] : labels;
                for (int i = 0; i < n; i++) {
                    int index = order[from + i];
                    labels[i] = train.label(index);
                    SplittableRandom random = new SplittableRandom(Seeds.mix(stepSeed, firstInBatch + i));
                    config.augmentation().apply(train.image(index), s.c(), s.h(), s.w(), input.data, i * s.size(), random);
                }
            }

            void evaluate(Dataset data, int from, int to) {
                lossSum = 0;
                correct = 0;
                Shape s = model.inputShape();
                for (int a = from; a < to; a += EVAL_CHUNK) {
                    int n = Math.min(EVAL_CHUNK, to - a);
                    input = Tensor.reuse(input, n, s.c(), s.h(), s.w());
                    labels = labels.length < n ? new int[n] : labels;
                    for (int i = 0; i < n; i++) {
                        System.arraycopy(data.image(a + i), 0, input.data, i * s.size(), s.size());
                        labels[i] = data.label(a + i);
                    }
                    Tensor logits = model.forward(input, false);
                    for (int i = 0; i < n; i++) {
                        lossSum += SoftmaxCrossEntropy.loss(logits.data, i * logits.c, logits.c, labels[i]);
                    }
                    correct += countCorrect(logits, labels);
                }
            }
        }
    }

    static int argmax(float[] v, int off, int k) {
        int best = 0;
        for (int i = 1; i < k; i++) {
            if (v[off + i] > v[off + best]) {
                best = i;
            }
        }
        return best;
    }

    private static int countCorrect(Tensor logits, int[] labels) {
        int correct = 0;
        for (int i = 0; i < logits.n; i++) {
            if (argmax(logits.data, i * logits.c, logits.c) == labels[i]) {
                correct++;
            }
        }
        return correct;
    }

    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static double rate(int images, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return seconds > 0 ? images / seconds : 0;
    }
}
