package org.teachbox.engine.pretrained;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A pretrained network ready to run forward: a list of {@link Op}s in an order where every op's
 * inputs come before it, built by {@link NetworkBuilder} from a {@link TfjsModel}. Its weights
 * never change after loading, so any number of threads may run it at once; each run borrows a
 * {@link Scratch} (one float buffer per activation slot) from a small pool and gives it back.
 *
 * <p>Activations are channels-last (h x w x c). Ops whose outputs are never alive at the same
 * time share a buffer (a slot), so MobileNetV2 needs four buffers instead of one per layer.
 *
 * <p>One picture can also be shared between threads, by bands of output rows; see
 * {@link #run(Scratch, float[], boolean, Shared)}.
 */
public final class Network {
    private static final int MAX_POOLED = 8;

    final List<Op> ops;
    final Set<String> weightNames;
    private final int[] slotOf;
    private final int[] slotSize;
    private final ConcurrentLinkedQueue<Scratch> pool = new ConcurrentLinkedQueue<>();

    Network(List<Op> ops, Set<String> weightNames) {
        this.ops = List.copyOf(ops);
        this.weightNames = Set.copyOf(weightNames);
        int n = ops.size();
        int[] lastUse = new int[n];
        for (int i = 0; i < n; i++) {
            lastUse[i] = i;
            for (int in : ops.get(i).inputs) {
                lastUse[in] = i;
            }
        }
        lastUse[n - 1] = n; // the output stays alive
        slotOf = new int[n];
        List<Integer> sizes = new ArrayList<>();
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int slot;
            if (free.isEmpty()) {
                slot = sizes.size();
                sizes.add(0);
            } else {
                slot = free.remove(free.size() - 1);
            }
            slotOf[i] = slot;
            sizes.set(slot, Math.max(sizes.get(slot), ops.get(i).size()));
            for (int in : ops.get(i).inputs) {
                if (lastUse[in] == i && !free.contains(slotOf[in])) {
                    free.add(slotOf[in]);
                }
            }
            if (lastUse[i] == i) {
                free.add(slot); // an output nobody reads
            }
        }
        slotSize = sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Floats of working memory one picture in flight needs. */
    long scratchFloats() {
        long n = 0;
        for (int size : slotSize) {
            n += size;
        }
        return n;
    }

    /** Input shape as [height, width, channels]. */
    public int[] inputShape() {
        Op in = ops.get(0);
        return new int[] {in.h, in.w, in.c};
    }

    /** Output shape as [height, width, channels]; [1, 1, units] for a vector. */
    public int[] outputShape() {
        Op out = ops.get(ops.size() - 1);
        return new int[] {out.h, out.w, out.c};
    }

    /** Parameters of the layers it runs, as stored in the file (before any folding). */
    public long parameterCount() {
        long n = 0;
        for (Op op : ops) {
            n += op.storedParameters;
        }
        return n;
    }

    /** Runs one channels-last input (h x w x c floats) on the calling thread. */
    public float[] run(float[] hwc) {
        int[] s = inputShape();
        if (hwc.length != s[0] * s[1] * s[2]) {
            throw new IllegalArgumentException("expected " + s[0] * s[1] * s[2] + " input values, got " + hwc.length);
        }
        Scratch scratch = borrow();
        try {
            return run(scratch, hwc, false);
        } finally {
            giveBack(scratch);
        }
    }

    Scratch borrow() {
        Scratch s = pool.poll();
        return s != null ? s : new Scratch(slotSize);
    }

    /** Keeps at most a few spare scratches (about 4 MB each for MobileNetV2); the rest go to the GC. */
    void giveBack(Scratch s) {
        if (pool.size() < MAX_POOLED) {
            pool.add(s);
        }
    }

    /** Runs one picture on the calling thread; the input is HWC, or CHW when chw is true. */
    float[] run(Scratch scratch, float[] input, boolean chw) {
        float[][] buf = scratch.buffers;
        Op first = ops.get(0);
        copyInput(input, chw, buf[slotOf[0]], first, 0, first.h);
        for (int i = 1; i < ops.size(); i++) {
            Op op = ops.get(i);
            op.run(inputsOf(op, buf), buf[slotOf[i]], 0, op.h);
        }
        return output(buf);
    }

    /**
     * Runs one picture together with the other threads that call this with the same shared
     * state and scratch. Each op's output rows are cut into bands; every thread takes bands until
     * none are left, then waits until all bands of that op are finished before it starts on the
     * next op. A thread the operating system paused finds the bands taken by the others and just
     * catches up, instead of holding them back for half a picture, as a fixed split between
     * threads would on a busy machine.
     */
    float[] run(Scratch scratch, float[] input, boolean chw, Shared shared) {
        float[][] buf = scratch.buffers;
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            float[][] in = inputsOf(op, buf);
            int bands = shared.bands(op);
            for (int b = shared.taken.getAndIncrement(i); b < bands; b = shared.taken.getAndIncrement(i)) {
                int y0 = op.h * b / bands;
                int y1 = op.h * (b + 1) / bands;
                try {
                    if (i == 0) {
                        copyInput(input, chw, buf[slotOf[0]], op, y0, y1);
                    } else {
                        op.run(in, buf[slotOf[i]], y0, y1);
                    }
                } catch (RuntimeException | Error e) {
                    shared.failed = true;
                    throw e;
                }
                shared.finished.incrementAndGet(i);
            }
            shared.awaitFinished(i, bands);
        }
        return output(buf);
    }

    private float[][] inputsOf(Op op, float[][] buf) {
        float[][] in = new float[op.inputs.length][];
        for (int k = 0; k < in.length; k++) {
            in[k] = buf[slotOf[op.inputs[k]]];
        }
        return in;
    }

    private float[] output(float[][] buf) {
        Op last = ops.get(ops.size() - 1);
        return java.util.Arrays.copyOf(buf[slotOf[ops.size() - 1]], last.size());
    }

    private static void copyInput(float[] input, boolean chw, float[] dst, Op in, int y0, int y1) {
        if (!chw) {
            System.arraycopy(input, y0 * in.w * in.c, dst, y0 * in.w * in.c, (y1 - y0) * in.w * in.c);
            return;
        }
        int plane = in.h * in.w;
        for (int y = y0; y < y1; y++) {
            for (int x = 0; x < in.w; x++) {
                for (int c = 0; c < in.c; c++) {
                    dst[(y * in.w + x) * in.c + c] = input[c * plane + y * in.w + x];
                }
            }
        }
    }

    /** A network that runs this one and then averages each channel over the pixels. */
    Network thenGlobalAveragePool() {
        List<Op> more = new ArrayList<>(ops);
        Op last = ops.get(ops.size() - 1);
        more.add(new Ops.GlobalAveragePool("global_average_pooling2d", ops.size() - 1, last.h, last.w, last.c));
        return new Network(more, weightNames);
    }

    /** One buffer per slot, for one picture in flight. */
    static final class Scratch {
        final float[][] buffers;

        Scratch(int[] sizes) {
            buffers = new float[sizes.length][];
            for (int i = 0; i < sizes.length; i++) {
                buffers[i] = new float[sizes[i]];
            }
        }
    }

    /** The bands of one picture shared between threads: how many of each op's are taken and finished. */
    static final class Shared {
        private final int bandsPerOp;
        final AtomicIntegerArray taken;
        final AtomicIntegerArray finished;
        volatile boolean failed;

        Shared(Network network, int threads) {
            this.bandsPerOp = 4 * threads; // enough bands that a late thread's share is small
            this.taken = new AtomicIntegerArray(network.ops.size());
            this.finished = new AtomicIntegerArray(network.ops.size());
        }

        int bands(Op op) {
            return Math.max(1, Math.min(op.h, bandsPerOp));
        }

        /** Waits for the band another thread is still computing: spins briefly, then yields the core. */
        void awaitFinished(int op, int bands) {
            int spins = 0;
            while (finished.get(op) < bands) {
                if (failed) {
                    throw new IllegalStateException("another thread working on this picture failed");
                }
                if (++spins < 5_000) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
        }
    }
}
