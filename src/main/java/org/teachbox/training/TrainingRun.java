package org.teachbox.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.teachbox.engine.Augmentation;
import org.teachbox.engine.EpochResult;
import org.teachbox.engine.Evaluation;
import org.teachbox.engine.LayerSummary;
import org.teachbox.engine.Model;
import org.teachbox.engine.Presets;
import org.teachbox.engine.StepProgress;
import org.teachbox.engine.TrainConfig;
import org.teachbox.engine.TrainResult;
import org.teachbox.engine.Trainer;
import org.teachbox.engine.TrainingListener;
import org.teachbox.project.ModelKind;
import org.teachbox.project.ProjectData;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.pretrained.Embeddings;
import org.teachbox.engine.pretrained.Backbone;

/**
 * One training run from prepared data to a report: builds the network the project's kind asks
 * for, trains it with progress events, then measures it on the validation images.
 */
final class TrainingRun {

    /** One seed for everything, so retraining the same data repeats the same curves. */
    static final long SEED = 20261122L;
    private static final long STEP_EVENT_INTERVAL_NANOS = 150_000_000L;

    private final TrainingJob job;
    private final int threads;
    private final Consumer<TrainingEvent> publish;
    private final Embeddings embeddings;

    TrainingRun(TrainingJob job, int threads, Consumer<TrainingEvent> publish, Embeddings embeddings) {
        this.job = job;
        this.threads = threads;
        this.publish = publish;
        this.embeddings = embeddings;
    }

    /** @return null when the job was cancelled before training began */
    Outcome run(ProjectData data) {
        TrainingRequest request = job.request();
        TrainingSettings settings = request.settings();
        ModelKind kind = data.project().modelKind();
        int classes = data.classes().size();
        Model model;
        PreparedData prepared;
        Augmentation augmentation;
        Optional<Backbone> backbone = Optional.empty();
        if (kind == ModelKind.PRETRAINED) {
            backbone = embeddings.backbone();
            if (backbone.isEmpty()) {
                throw new ProjectRuleException("train.error.no-backbone");
            }
            prepared = PreparedEmbeddings.of(data, SEED, request.recipe(), embeddings, threads,
                    (done, total) -> publish.accept(new TrainingEvent.Preparing(job.id(), job.purpose(), done, total)),
                    job::isCancelled);
            if (prepared == null) {
                return null;
            }
            model = Presets.transferHead(classes, backbone.get().embeddingSize(), SEED);
            augmentation = ModelInput.augmentation(kind);
        } else {
            prepared = PreparedData.of(data, SEED, request.recipe());
            model = kind == ModelKind.DIGITS
                    ? Presets.mlp(classes, kind.inputSize(), kind.channels(), SEED)
                    : Presets.refCnn(classes, kind.inputSize(), kind.channels(), SEED);
            augmentation = ModelInput.augmentation(kind);
        }
        TrainConfig config = new TrainConfig(settings.epochs(), settings.batchSize(),
                settings.optimizer().create((float) settings.learningRate()), SEED, augmentation,
                prepared.classWeights(), threads, keep(kind, request.keep()),
                settings.stopsEarly() ? TrainingSettings.PATIENCE : 0);
        int steps = (prepared.train().size() + settings.batchSize() - 1) / settings.batchSize();
        publish.accept(new TrainingEvent.Started(job.id(), job.purpose(), settings.epochs(), steps, prepared.split()));

        long started = System.nanoTime();
        TrainResult result = new Trainer(config).fit(model, prepared.train(), prepared.validation(),
                new Progress(prepared.train().size()), job::isCancelled);
        long millis = (System.nanoTime() - started) / 1_000_000;

        Evaluation evaluation = Evaluation.of(model, prepared.validation());
        List<TrainingReport.ValidationItem> items = new ArrayList<>();
        for (int i = 0; i < prepared.validation().size(); i++) {
            int predicted = evaluation.predicted()[i];
            items.add(new TrainingReport.ValidationItem(prepared.validationIds().get(i),
                    prepared.validation().label(i), predicted, evaluation.probabilities()[i][predicted]));
        }
        List<TrainingReport.EpochRow> history = result.history().stream()
                .map(e -> new TrainingReport.EpochRow(e.epoch(), e.trainLoss(), e.trainAccuracy(), e.valLoss(), e.valAccuracy()))
                .toList();
        double rate = result.history().stream().mapToDouble(EpochResult::imagesPerSecond).average().orElse(0);
        TrainingReport report = new TrainingReport(TrainingReport.Status.valueOf(result.status().name()), settings, data.classNames(), prepared.split(),
                history, result.bestEpoch(), evaluation.confusion(), items, layers(backbone, model), model.parameterCount(),
                millis, rate, data.project().dataVersion(), TestJudge.judge(model, data, embeddings, threads));
        return new Outcome(model, report);
    }

    /**
     * Which epoch's weights a run keeps. The pretrained head keeps its last, as Teachable Machine
     * does: with a few validation pictures per class, the "best" epoch was mostly luck and often
     * an early, underfit one (Fashion-MNIST 5 x 50, 3 picks: held-out 0.837 best, 0.853 last).
     */
    private static TrainConfig.Keep keep(ModelKind kind, TrainConfig.Keep asked) {
        return kind == ModelKind.PRETRAINED ? TrainConfig.Keep.LAST_EPOCH : asked;
    }

    /** The model summary; a frozen backbone comes first, marked as not trained. */
    private static List<TrainingReport.LayerRow> layers(Optional<Backbone> backbone, Model model) {
        List<TrainingReport.LayerRow> rows = new ArrayList<>();
        // One row for the whole frozen network: its 155 layers teach nothing to a learner
        // comparing what is trained with what is not.
        backbone.ifPresent(b -> rows.add(new TrainingReport.LayerRow("MobileNetV2 (ImageNet)", String.valueOf(b.embeddingSize()),
                b.parameterCount(), true)));
        model.summary().forEach(l -> rows.add(row(l, false)));
        return rows;
    }

    private static TrainingReport.LayerRow row(LayerSummary l, boolean frozen) {
        return new TrainingReport.LayerRow(l.name(), shape(l.outputShape()), l.parameters(), frozen);
    }

    private static String shape(int[] dims) {
        return Arrays.stream(dims).mapToObj(Integer::toString).reduce((a, b) -> a + "×" + b).orElse("");
    }

    record Outcome(Model model, TrainingReport report) {
    }

    /** Forwards engine callbacks as events; step events are thinned out so push stays light. */
    private final class Progress implements TrainingListener {
        private final int trainSize;
        private long lastStepEvent;

        Progress(int trainSize) {
            this.trainSize = trainSize;
        }

        @Override
        public void onStep(StepProgress p) {
            long now = System.nanoTime();
            if (now - lastStepEvent < STEP_EVENT_INTERVAL_NANOS && p.step() != p.steps()) {
                return;
            }
            lastStepEvent = now;
            long remainingImages = (long) (p.epochs() - p.epoch()) * trainSize
                    + (long) (p.steps() - p.step()) * Math.max(1, trainSize / Math.max(1, p.steps()));
            long eta = p.imagesPerSecond() > 0 ? Math.round(remainingImages / p.imagesPerSecond()) : -1;
            publish.accept(new TrainingEvent.Step(job.id(), job.purpose(), p.epoch(), p.epochs(), p.step(), p.steps(),
                    p.imagesPerSecond(), eta));
        }

        @Override
        public void onEpoch(EpochResult e) {
            publish.accept(new TrainingEvent.Epoch(job.id(), job.purpose(), EpochProgress.of(e)));
        }
    }
}
