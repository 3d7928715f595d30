package org.teachbox.engine.pretrained;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.teachbox.engine.LayerSummary;
import org.teachbox.engine.ModelFormatException;

/**
 * Teachable Machine's frozen feature extractor: ImageNet MobileNetV2 (alpha 0.35, 224 x 224),
 * run forward only, from its input up to the layer {@code out_relu} (7 x 7 x 1280), then averaged
 * over the 49 pixels. The 1280 numbers it gives a picture are the "embedding" a small head is
 * trained on, which is how Teachable Machine learns from twenty webcam frames.
 *
 * <p>It loads any TensorFlow.js layers model that contains that extractor: a TM image export
 * (the extractor nested in Sequentials, with a head after it, which is ignored) or TM's hosted
 * headless model. Batch normalizations are folded into the convolutions at load time, so a
 * picture costs 52 convolutions, 10 of them with a residual add. Weights never change after
 * loading; any number of threads may call {@link #embed} at once.
 *
 * <p>Input: one picture as 3 x 224 x 224 floats, channel-major (CHW), already scaled the way TM
 * scales pixels ({@code value / 127 - 1}).
 */
public final class Backbone {
    private static final String OUTPUT_LAYER = "out_relu";
    private static final int SIZE = 224;
    private static final int EMBEDDING = 1280;
    private static final int MAX_THREADS = 64;
    private static final Pattern BLOCK = Pattern.compile("^(block_\\d+|expanded_conv|Conv1|Conv_1)");

    private final Network network;
    private final String fingerprint;
    private final List<LayerSummary> summary;

    private Backbone(Network network, String fingerprint, List<LayerSummary> summary) {
        this.network = network;
        this.fingerprint = fingerprint;
        this.summary = summary;
    }

    /** Reads dir/model.json and its weight files; see the class comment for what dir may hold. */
    public static Backbone load(Path dir) throws IOException, ModelFormatException {
        TfjsModel model = TfjsModel.read(dir);
        if (!model.layerNames().contains(OUTPUT_LAYER)) {
            throw new ModelFormatException("the model has no layer " + OUTPUT_LAYER + ", so it is not a MobileNetV2 backbone");
        }
        Network network = model.network(OUTPUT_LAYER).thenGlobalAveragePool();
        int[] in = network.inputShape();
        int[] out = network.outputShape();
        if (in[0] != SIZE || in[1] != SIZE || in[2] != 3 || out[2] != EMBEDDING) {
            throw new ModelFormatException("expected a 224 x 224 x 3 input and 1280 features, found "
                    + in[0] + " x " + in[1] + " x " + in[2] + " and " + out[2]);
        }
        return new Backbone(network, fingerprint(model, network), summarize(network));
    }

    public int inputSize() {
        return SIZE;
    }

    public int embeddingSize() {
        return EMBEDDING;
    }

    /** The backbone's parameters as the file stores them, before batch norms were folded: 410,208. */
    public long parameterCount() {
        return network.parameterCount();
    }

    /** First 16 hex digits of SHA-256 over the backbone's tensors (name, shape, values) in name order. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The embedding of one picture (3 x 224 x 224, CHW, TM's scale), on the calling thread. */
    public float[] embed(float[] chw) {
        check(chw, 0);
        Network.Scratch scratch = network.borrow();
        try {
            return network.run(scratch, chw, true);
        } finally {
            network.giveBack(scratch);
        }
    }

    /**
     * Embeddings of several pictures, on up to `threads` threads (the caller's and threads-1 it
     * starts). Each thread takes whole pictures while there are enough for all of them; the
     * threads share each of the last pictures (all of them, for fewer pictures than threads) by
     * bands of rows. Either way every number comes out exactly as {@link #embed(float[])}
     * computes it.
     */
    public float[][] embed(float[][] chws, int threads) {
        for (int i = 0; i < chws.length; i++) {
            check(chws[i], i);
        }
        float[][] out = new float[chws.length][];
        int t = Math.max(1, Math.min(threads, MAX_THREADS));
        if (t == 1 || chws.length == 0) {
            for (int i = 0; i < chws.length; i++) {
                out[i] = embed(chws[i]);
            }
            return out;
        }
        // whole pictures per thread while every thread gets one; the last few are shared by bands
        int whole = chws.length - chws.length % t;
        AtomicInteger next = new AtomicInteger();
        if (whole > 0) {
            onThreads(t, part -> {
                for (int i = next.getAndIncrement(); i < whole; i = next.getAndIncrement()) {
                    out[i] = embed(chws[i]);
                }
            });
        }
        for (int i = whole; i < chws.length; i++) {
            float[] picture = chws[i];
            float[][] result = new float[1][];
            Network.Shared shared = new Network.Shared(network, t);
            Network.Scratch scratch = network.borrow();
            try {
                onThreads(t, part -> {
                    float[] e = network.run(scratch, picture, true, shared);
                    if (part == 0) {
                        result[0] = e;
                    }
                });
            } finally {
                network.giveBack(scratch);
            }
            out[i] = result[0];
        }
        return out;
    }

    /** A few rows for "Under the hood": the frozen blocks with their output shapes and parameters. */
    public List<LayerSummary> summary() {
        return summary;
    }

    private void check(float[] chw, int index) {
        if (chw == null || chw.length != 3 * SIZE * SIZE) {
            throw new IllegalArgumentException("picture " + index + " should have 3 x 224 x 224 values, has "
                    + (chw == null ? "none" : chw.length));
        }
    }

    /** Runs task(0..t-1), task(0) on the calling thread; rethrows the first failure. */
    private static void onThreads(int t, java.util.function.IntConsumer task) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable[] parts = new Runnable[t];
        for (int p = 0; p < t; p++) {
            int part = p;
            parts[p] = () -> {
                try {
                    task.accept(part);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            };
        }
        Thread[] helpers = new Thread[t - 1];
        for (int p = 1; p < t; p++) {
            helpers[p - 1] = Thread.ofPlatform().daemon().name("teachbox-backbone-" + p).start(parts[p]);
        }
        parts[0].run();
        boolean interrupted = false;
        for (Thread helper : helpers) {
            while (true) {
                try {
                    helper.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    private static String fingerprint(TfjsModel model, Network network) throws ModelFormatException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        for (String name : new TreeSet<>(network.weightNames)) {
            TfjsModel.Weight w = model.weight(name);
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            ByteBuffer bytes = ByteBuffer.allocate(4 + 4 * w.shape().length + 4 * w.data().length).order(ByteOrder.LITTLE_ENDIAN);
            bytes.putInt(w.shape().length);
            for (int d : w.shape()) {
                bytes.putInt(d);
            }
            bytes.asFloatBuffer().put(w.data());
            sha.update(bytes.array());
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    private static List<LayerSummary> summarize(Network network) {
        Map<String, long[]> rows = new LinkedHashMap<>(); // block -> {params, c, h, w}
        for (Op op : network.ops) {
            if (op instanceof Ops.Input) {
                continue;
            }
            Matcher m = BLOCK.matcher(op.name());
            String block = m.find() ? m.group(1) : op.name();
            long[] row = rows.computeIfAbsent(block, k -> new long[4]);
            row[0] += op.storedParameters;
            row[1] = op.c;
            row[2] = op.h;
            row[3] = op.w;
        }
        List<LayerSummary> out = new ArrayList<>();
        rows.forEach((block, row) -> {
            boolean vector = row[2] == 1 && row[3] == 1;
            int[] shape = vector ? new int[] {(int) row[1]} : new int[] {(int) row[1], (int) row[2], (int) row[3]};
            String name = block.startsWith("global_average") ? block : "mobilenet_v2 (frozen) " + block;
            out.add(new LayerSummary(name, shape, row[0]));
        });
        return List.copyOf(out);
    }
}
