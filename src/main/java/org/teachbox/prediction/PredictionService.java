package org.teachbox.prediction;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.teachbox.engine.Classifier;
import org.teachbox.engine.FirstLayer;
import org.teachbox.engine.pretrained.BackboneClassifier;
import org.teachbox.engine.Saliency;
import org.teachbox.imaging.ImageIngest;
import org.teachbox.imaging.ImageRejectedException;
import org.teachbox.project.ModelKind;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;
import org.teachbox.pretrained.Embeddings;
import org.teachbox.training.ModelInput;
import org.teachbox.training.ModelStore;

/**
 * Asks a project's trained model about a new image. The image goes through the same checks and
 * the same square crop as the training images did, so the model sees what it was taught on.
 */
@Service
public class PredictionService {

    /** Threads one prediction may use for the backbone: a single picture runs on one. */
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

    private final ModelStore models;
    private final ImageIngest ingest;
    private final ProjectService projects;
    private final Embeddings embeddings;

    /** The most bytes a picture to answer may have: the upload limit, {@code teachbox.upload.max-bytes}. */
    public int maxPictureBytes() {
        return (int) Math.min(Integer.MAX_VALUE - 1, ingest.limits().maxBytes());
    }

    /** The same limit as people say it, for example "15 MB". */
    public String maxPictureSize() {
        return ingest.limits().maxBytesText();
    }

    PredictionService(ModelStore models, ImageIngest ingest, ProjectService projects, Embeddings embeddings) {
        this.models = models;
        this.ingest = ingest;
        this.projects = projects;
        this.embeddings = embeddings;
    }

    /**
     * The whole network, picture in and probabilities out. For a pretrained project the stored
     * model is only the head, so the backbone goes in front of it.
     */
    private Classifier classifier(ModelKind kind, ModelStore.StoredModel stored) {
        if (kind != ModelKind.PRETRAINED) {
            return stored.model();
        }
        return new BackboneClassifier(embeddings.backbone()
                .orElseThrow(() -> new ProjectRuleException("train.error.no-backbone")), stored.model(), THREADS);
    }

    /** Empty when the project has no trained model yet. */
    public Optional<Prediction> predict(String owner, UUID projectId, String fileName, byte[] bytes)
            throws ImageRejectedException {
        return answer(owner, projectId, kind -> ModelInput.of(kind, ingest.ingest(fileName, bytes).bytes()));
    }

    /**
     * The answer for exactly the pixels of the sent picture, as the learner's browser saw them:
     * checked and cropped like any upload, but not made into a stored JPEG first. Empty without
     * a trained model.
     */
    public Optional<Prediction> predictAsSent(String owner, UUID projectId, String fileName, byte[] bytes)
            throws ImageRejectedException {
        return answer(owner, projectId,
                kind -> ModelInput.forModel(kind, ModelInput.picture(kind, ingest.picture(fileName, bytes))));
    }

    /** What the model's input is made from, for the project's kind. */
    private interface Input {
        float[] of(ModelKind kind) throws ImageRejectedException;
    }

    private Optional<Prediction> answer(String owner, UUID projectId, Input input) throws ImageRejectedException {
        Optional<ModelStore.StoredModel> stored = models.load(owner, projectId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        ModelKind kind = projects.project(owner, projectId).modelKind();
        float[] x = input.of(kind);
        return Optional.of(new Prediction(stored.get().classNames(), classifier(kind, stored.get()).predict(x)));
    }

    /** Where the model looked on an uploaded file (validated and cropped like any upload). */
    public Optional<Heatmap> saliencyOfUpload(String owner, UUID projectId, String fileName, byte[] bytes)
            throws ImageRejectedException {
        return saliency(owner, projectId, ingest.ingest(fileName, bytes).bytes());
    }

    /** Where the model looked: a heat map (side × side, values 0..1) for the class it picked. */
    public Optional<Heatmap> saliency(String owner, UUID projectId, byte[] storedImage) {
        ModelKind kind = projects.project(owner, projectId).modelKind();
        return models.load(owner, projectId).map(m -> heatmap(classifier(kind, m), kind, ModelInput.picture(kind, storedImage)));
    }

    /** Saliency of a picture (0..1, see {@link ModelInput}): patches are covered with blank pixels. */
    public static Heatmap heatmap(Classifier model, ModelKind kind, float[] picture) {
        float[] input = ModelInput.forModel(kind, picture);
        float[] p = model.predict(input);
        int best = argmax(p);
        int side = model.inputShape().w();
        // A quarter of the side: a patch must be able to hide a whole small object. With an
        // eighth, no patch covered all of the bias lab's 12 px sticker, so a model that called
        // every stickered picture "circle" still showed no heat on the sticker.
        int patch = Math.max(4, side / 4);
        // Each patch costs a pass through the whole network: through MobileNet (224 px) that is
        // ~100x a small CNN's, so its patches step by half a patch (49 passes) instead of a quarter.
        int stride = kind == ModelKind.PRETRAINED ? patch / 2 : Math.max(2, patch / 4);
        float[] heat = Saliency.occlusion(model, input, best, patch, stride, ModelInput.NEUTRAL);
        return new Heatmap(side, picture, heat, best, p[best]);
    }

    /**
     * Inside a from-scratch CNN: its first layer's filters as small colour tiles and the feature
     * map each makes of this upload (validated and cropped like any upload). Empty for a project
     * without a trained model and for the other kinds: the pretrained network's first layer is
     * MobileNet's, which the learner did not train, and the digits network has no convolution.
     */
    public Optional<FirstLayerLook> firstLayerOfUpload(String owner, UUID projectId, String fileName, byte[] bytes)
            throws ImageRejectedException {
        ModelKind kind = projects.project(owner, projectId).modelKind();
        if (kind != ModelKind.IMAGE) {
            return Optional.empty();
        }
        Optional<FirstLayer> layer = models.load(owner, projectId).flatMap(m -> FirstLayer.of(m.model()));
        if (layer.isEmpty()) {
            return Optional.empty();
        }
        float[] input = ModelInput.of(kind, ingest.ingest(fileName, bytes).bytes());
        FirstLayer first = layer.get();
        return Optional.of(new FirstLayerLook(FirstLayerPictures.filters(first),
                FirstLayerPictures.maps(first.featureMaps(input), first.mapHeight(), first.mapWidth())));
    }

    static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    public record Prediction(List<String> classNames, float[] probabilities) {
        public int best() {
            return argmax(probabilities);
        }
    }

    /** The picture (CHW, 0..1), the heat over it, the class the model picked and how sure it was. */
    public record Heatmap(int side, float[] picture, float[] values, int predictedClass, float confidence) {
    }

    /** The first layer's filters (RGB tiles) and, in the same order, their feature maps of one picture (grey). */
    public record FirstLayerLook(List<BufferedImage> filters, List<BufferedImage> maps) {
    }
}
