package org.teachbox.pretrained;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.teachbox.engine.pretrained.Backbone;
import org.teachbox.imaging.ImageTensors;
import org.teachbox.project.SampleImage;

/**
 * The pretrained network's view of a project's pictures: each picture's 1280 numbers, computed
 * once by the backbone and then read back from the database. The first training of a photo
 * project pays for its new pictures; every retraining after that only trains the head.
 */
@Service
public class Embeddings {

    /** Pictures run through the backbone together: large enough to keep both cores busy. */
    private static final int BATCH = 16;

    private final Supplier<Optional<Backbone>> library;
    private final EmbeddingStore store;

    @Autowired
    Embeddings(BackboneLibrary library, EmbeddingStore store) {
        this(library::backbone, store);
    }

    private Embeddings(Supplier<Optional<Backbone>> library, EmbeddingStore store) {
        this.library = library;
        this.store = store;
    }

    /** Embeddings kept in memory only, for benchmarks and tools that run without the database. */
    public static Embeddings inMemory(Backbone backbone) {
        return new Embeddings(() -> Optional.of(backbone), new EmbeddingStore.InMemory());
    }

    /**
     * A picture (CHW, 0..1) in Teachable Machine's input scale, pixel / 127 - 1 with pixels
     * 0..255, written into a new array.
     */
    public static float[] scaled(float[] picture) {
        float[] x = new float[picture.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = picture[i] * (255f / 127f) - 1f;
        }
        return x;
    }

    public Optional<Backbone> backbone() {
        return library.get();
    }

    /** Called with the number of pictures done and the total while missing embeddings are made. */
    public interface Progress {
        void done(int done, int total);
    }

    /**
     * The embedding of every sample, in order. Missing ones are computed and stored batch by
     * batch, so a cancelled or crashed job keeps what it already paid for.
     *
     * @return null if cancelled before the end
     */
    public float[][] of(List<SampleImage> samples, int threads, Progress progress, BooleanSupplier cancelled) {
        Backbone backbone = library.get().orElseThrow(() -> new IllegalStateException("no backbone"));
        String key = backbone.fingerprint();
        Map<UUID, float[]> known = store.find(samples.stream().map(SampleImage::id).toList(), key);
        float[][] out = new float[samples.size()][];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            out[i] = known.get(samples.get(i).id());
            if (out[i] == null || out[i].length != backbone.embeddingSize()) {
                missing.add(i);
            }
        }
        progress.done(0, missing.size());
        // The background reader (EmbeddingWarmer) goes from the oldest picture on; this job goes
        // from the newest back and looks again before each batch, so the two meet in the middle
        // instead of reading the same pictures twice.
        java.util.Collections.reverse(missing);
        for (int from = 0; from < missing.size(); from += BATCH) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            List<Integer> part = new ArrayList<>(missing.subList(from, Math.min(missing.size(), from + BATCH)));
            Map<UUID, float[]> meanwhile = store.find(part.stream().map(i -> samples.get(i).id()).toList(), key);
            part.removeIf(i -> {
                float[] v = meanwhile.get(samples.get(i).id());
                out[i] = v;
                return v != null && v.length == backbone.embeddingSize();
            });
            float[][] inputs = new float[part.size()][];
            for (int j = 0; j < part.size(); j++) {
                inputs[j] = scaled(ImageTensors.toChw(samples.get(part.get(j)).image(), backbone.inputSize(), 3));
            }
            float[][] vectors = part.isEmpty() ? new float[0][] : backbone.embed(inputs, threads);
            for (int j = 0; j < part.size(); j++) {
                int i = part.get(j);
                out[i] = vectors[j];
                store.save(samples.get(i).id(), key, vectors[j]);
            }
            progress.done(Math.min(missing.size(), from + BATCH), missing.size());
        }
        return out;
    }

    /**
     * Makes and stores the embeddings of stored pictures that have none yet, as one batch on one
     * thread (a batch goes through the backbone faster than its pictures one by one).
     */
    void warmAll(Map<UUID, byte[]> storedImages) {
        Backbone backbone = library.get().orElse(null);
        if (backbone == null || storedImages.isEmpty()) {
            return;
        }
        Map<UUID, float[]> known = store.find(List.copyOf(storedImages.keySet()), backbone.fingerprint());
        List<UUID> missing = storedImages.keySet().stream().filter(id -> !known.containsKey(id)).toList();
        if (missing.isEmpty()) {
            return;
        }
        float[][] inputs = new float[missing.size()][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = scaled(ImageTensors.toChw(storedImages.get(missing.get(i)), backbone.inputSize(), 3));
        }
        float[][] vectors = backbone.embed(inputs, 1);
        for (int i = 0; i < vectors.length; i++) {
            store.save(missing.get(i), backbone.fingerprint(), vectors[i]);
        }
    }

    /** Makes and stores one stored picture's embedding now, if it has none yet (one thread). */
    void warm(UUID sampleId, byte[] storedImage) {
        Backbone backbone = library.get().orElse(null);
        if (backbone == null || !store.find(List.of(sampleId), backbone.fingerprint()).isEmpty()) {
            return;
        }
        float[] vector = backbone.embed(scaled(ImageTensors.toChw(storedImage, backbone.inputSize(), 3)));
        store.save(sampleId, backbone.fingerprint(), vector);
    }

    /** A picture no stored sample holds (one the bias lab changed): computed, never stored. */
    public float[][] ofPictures(List<float[]> pictures, int threads) {
        Backbone backbone = library.get().orElseThrow(() -> new IllegalStateException("no backbone"));
        float[][] inputs = new float[pictures.size()][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = scaled(pictures.get(i));
        }
        return backbone.embed(inputs, threads);
    }
}
